package org.perfbridge.web;

/** The roles of web.xml: users get them as groups with WildFly's add-user.sh. */
final class Roles {

    static final String INGEST = "ingest";
    static final String READER = "reader";
    static final String ADMIN = "admin";

    private Roles() {
    }
}
