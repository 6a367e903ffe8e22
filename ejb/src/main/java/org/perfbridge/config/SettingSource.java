package org.perfbridge.config;

/** Where a setting's value in force came from, in the order they win. */
public enum SettingSource {
    /** A value written in the admin console or the CLI (or a -D flag on a server without the install script). */
    SYSTEM_PROPERTY("system property"),
    ENVIRONMENT("environment"),
    DEFAULT("default");

    private final String label;

    SettingSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
