package org.perfbridge.ingest;

import java.util.Locale;
import java.util.Optional;

/** The states a host check or a service check reports, with their Nagios state ids. */
public enum CheckState {
    UP(0, true), DOWN(1, true), UNREACHABLE(2, true),
    OK(0, false), WARNING(1, false), CRITICAL(2, false), UNKNOWN(3, false);

    private final int id;
    private final boolean hostState;

    CheckState(int id, boolean hostState) {
        this.id = id;
        this.hostState = hostState;
    }

    public int id() {
        return id;
    }

    public boolean isHostState() {
        return hostState;
    }

    public static Optional<CheckState> named(String name) {
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
