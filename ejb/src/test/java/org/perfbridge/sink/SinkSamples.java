package org.perfbridge.sink;

import org.perfbridge.perfdata.PerfMetric;
import org.perfbridge.perfdata.Threshold;

/** Builders for metrics and samples shared by the sink tests. */
final class SinkSamples {

    static final long TIMESTAMP = 1_700_000_000L;

    private SinkSamples() {
    }

    /** A metric with only a value. */
    static PerfMetric metric(String label, Double value) {
        return new PerfMetric(label, value, null, null, null, null, null);
    }

    static PerfMetric metric(String label, Double value, String unit, Threshold warning, Threshold critical,
                             Double min, Double max) {
        return new PerfMetric(label, value, unit, warning, critical, min, max);
    }

    /** A service check sample in realm {@code All} at {@link #TIMESTAMP}. */
    static MetricSample service(String host, String service, PerfMetric metric) {
        return new MetricSample("All", host, service, TIMESTAMP, metric);
    }

    /** A host check sample (service {@code null}) in realm {@code All} at {@link #TIMESTAMP}. */
    static MetricSample hostCheck(String host, PerfMetric metric) {
        return new MetricSample("All", host, null, TIMESTAMP, metric);
    }
}
