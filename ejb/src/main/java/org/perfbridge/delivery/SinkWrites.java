package org.perfbridge.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.perfbridge.retention.DeadLetterStore;
import org.perfbridge.sink.MetricSample;
import org.perfbridge.sink.RejectedSample;
import org.perfbridge.sink.Sink;
import org.perfbridge.sink.SinkHealth;
import org.perfbridge.sink.SinkUnavailableException;

/** One write to a sink as both the worker and the redelivery make it: written, counted, and the refused kept as dead letters. */
@ApplicationScoped
public class SinkWrites {

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    SinkHealth health;

    /** Answers once the sink took every sample (delivered, or refused for good and kept); throws when it took none. */
    public void write(Sink sink, List<MetricSample> samples) throws SinkUnavailableException {
        List<RejectedSample> rejected = sink.write(samples);
        // counted before the refused are kept: keeping them writes to the store, which can take a while, and
        // whoever reads the counts then must already see this write
        health.delivered(sink.name(), samples.size() - rejected.size());
        health.rejected(sink.name(), rejected.size());
        deadLetters.keep(sink.name(), rejected);
    }
}
