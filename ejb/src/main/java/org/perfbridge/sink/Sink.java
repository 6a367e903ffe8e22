package org.perfbridge.sink;

import java.util.List;

/** A timeseries database that perf metrics are delivered to. */
public interface Sink {

    /** The name retention entries and the status report use: {@code graphite} or {@code influxdb}. */
    String name();

    /** Delivers all samples, or throws: then none of them count as delivered. */
    void write(List<MetricSample> samples) throws SinkUnavailableException;

    /** Throws when the database cannot be reached now. */
    void checkConnection() throws SinkUnavailableException;
}
