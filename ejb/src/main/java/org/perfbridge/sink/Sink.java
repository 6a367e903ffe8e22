package org.perfbridge.sink;

import java.util.List;

/** A timeseries database that perf metrics are delivered to. */
public interface Sink {

    SinkKind kind();

    /** The name retention entries and the status report use. */
    default String name() {
        return kind().key();
    }

    /**
     * Delivers the samples. Returns those the sink refused for good (every other one was delivered), or throws
     * when the sink cannot be reached or answers an error worth retrying: then none of them count as delivered.
     */
    List<RejectedSample> write(List<MetricSample> samples) throws SinkUnavailableException;

    /** Throws when the database cannot be reached now. */
    void checkConnection() throws SinkUnavailableException;
}
