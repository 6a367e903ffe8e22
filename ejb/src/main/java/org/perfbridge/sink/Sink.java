package org.perfbridge.sink;

import java.util.List;

/** A timeseries database that perf metrics are delivered to. */
public interface Sink {

    /** The name retention entries and the status report use: {@code graphite} or {@code influxdb}. */
    String name();

    /**
     * Delivers the samples. Returns those the sink refused for good (every other one was delivered), or throws
     * when the sink cannot be reached or answers an error worth retrying: then none of them count as delivered.
     */
    List<RejectedSample> write(List<MetricSample> samples) throws SinkUnavailableException;

    /** Throws when the database cannot be reached now. */
    void checkConnection() throws SinkUnavailableException;
}
