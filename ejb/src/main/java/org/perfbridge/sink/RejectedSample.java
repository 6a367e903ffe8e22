package org.perfbridge.sink;

/** A sample the sink refused for good (InfluxDB's 400, e.g. a field type conflict): retrying cannot help. */
public record RejectedSample(MetricSample sample, String reason) {
}
