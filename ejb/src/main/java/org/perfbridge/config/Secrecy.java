package org.perfbridge.config;

import java.util.regex.Pattern;

/** How much of a setting's value may be shown to a reader. */
public enum Secrecy {
    PUBLIC {
        @Override
        public String shown(String value) {
            return value;
        }
    },
    SECRET {
        @Override
        public String shown(String value) {
            return value.isEmpty() ? value : MASK;
        }
    },
    URI_WITH_CREDENTIALS {
        @Override
        public String shown(String value) {
            return USER_INFO_PASSWORD.matcher(value).replaceFirst("$1" + MASK + "@");
        }
    };

    static final String MASK = "****";
    // scheme://user:password@ — the password is everything up to the last '@' before the host list
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://[^:/@]*:)[^/]*@");

    public abstract String shown(String value);
}
