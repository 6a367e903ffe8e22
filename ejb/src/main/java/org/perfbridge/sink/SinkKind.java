package org.perfbridge.sink;

/** The timeseries databases perfbridge writes to. */
public enum SinkKind {
    GRAPHITE("graphite"),
    INFLUXDB("influxdb");

    private final String key;

    SinkKind(String key) {
        this.key = key;
    }

    /** The name retention entries, dead letters and the status report use. */
    public String key() {
        return key;
    }
}
