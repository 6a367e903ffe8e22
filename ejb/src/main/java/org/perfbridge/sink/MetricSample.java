package org.perfbridge.sink;

import org.perfbridge.perfdata.PerfMetric;

/**
 * One perf metric of one check result, ready for a timeseries database.
 * {@code service} is {@code null} for a host check; {@code timestamp} is epoch seconds.
 */
public record MetricSample(String realm, String host, String service, long timestamp, PerfMetric metric) {

    public boolean isHostCheck() {
        return service == null || service.isEmpty();
    }
}
