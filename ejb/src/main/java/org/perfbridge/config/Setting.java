package org.perfbridge.config;

/** Every setting perfbridge reads, with its system property name and its default. */
public enum Setting {
    GRAPHITE_HOST("graphite.host", ""),
    GRAPHITE_PORT("graphite.port", "2004"),
    GRAPHITE_PROTOCOL("graphite.protocol", "pickle"),
    GRAPHITE_PREFIX("graphite.prefix", ""),
    INFLUXDB_HOST("influxdb.host", ""),
    INFLUXDB_PORT("influxdb.port", "8086"),
    INFLUXDB_LOGIN("influxdb.login", "root"),
    INFLUXDB_PASSWORD("influxdb.password", "root", Secrecy.SECRET),
    INFLUXDB_DATABASE("influxdb.database", "alignak"),
    INFLUXDB_SSL("influxdb.ssl", "false"),
    SINK_CONNECT_TIMEOUT_MS("sink.connect_timeout_ms", "2000"),
    SINK_WRITE_TIMEOUT_MS("sink.write_timeout_ms", "10000"),
    SCHEDULER_ACTIVE("scheduler.active", "true"),
    RETENTION_BATCH_SIZE("retention.batch_size", "5000"),
    RETENTION_MAX_AGE_HOURS("retention.max_age_hours", "720"),
    RETENTION_MAX_POINTS_PER_SINK("retention.max_points_per_sink", "10000000"),
    MONGO_URI("mongo.uri", "", Secrecy.URI_WITH_CREDENTIALS),
    MONGO_DATABASE("mongo.database", "alignak"),
    MONGO_EMBEDDED_PORT("mongo.embedded.port", "27017"),
    MONGO_EMBEDDED_IN_MEMORY("mongo.embedded.in_memory", "false"),
    MONGO_EMBEDDED_IN_MEMORY_MAX_LOGS("mongo.embedded.in_memory_max_logs", "10000"),
    MONGO_EMBEDDED_MAX_LOGS("mongo.embedded.max_logs", "1000000"),
    LOGS_MAX_AGE_DAYS("logs.max_age_days", "30"),
    API_MAX_BODY_BYTES("api.max_body_bytes", "10000000"),
    API_MAX_BATCH_ITEMS("api.max_batch_items", "10000"),
    API_MAX_PAGE_SIZE("api.max_page_size", "1000"),
    API_MAX_RESPONSE_BYTES("api.max_response_bytes", "16000000"),
    API_MAX_STRING_LENGTH("api.max_string_length", "65536"),
    API_MAX_PERFDATA_LENGTH("api.max_perfdata_length", "65536"),
    API_MAX_METRICS_PER_CHECK("api.max_metrics_per_check", "1000"),
    API_MAX_CLOCK_SKEW_SECONDS("api.max_clock_skew_seconds", "3600"),
    API_HTTPS_ONLY("api.https_only", "false");

    private final String propertyName;
    private final String defaultValue;
    private final Secrecy secrecy;

    Setting(String propertyName, String defaultValue) {
        this(propertyName, defaultValue, Secrecy.PUBLIC);
    }

    Setting(String propertyName, String defaultValue, Secrecy secrecy) {
        this.propertyName = propertyName;
        this.defaultValue = defaultValue;
        this.secrecy = secrecy;
    }

    public String propertyName() {
        return propertyName;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public Secrecy secrecy() {
        return secrecy;
    }

    /** The environment variable name MicroProfile Config maps the property to: {@code graphite.host} → {@code GRAPHITE_HOST}. */
    public String environmentName() {
        return propertyName.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }
}
