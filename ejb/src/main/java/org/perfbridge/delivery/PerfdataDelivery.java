package org.perfbridge.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.perfbridge.retention.RetentionBacklog;
import org.perfbridge.retention.RetentionStore;
import org.perfbridge.sink.EnabledSinks;
import org.perfbridge.sink.MetricSample;
import org.perfbridge.sink.Sink;
import org.perfbridge.sink.SinkHealth;
import org.perfbridge.sink.SinkUnavailableException;

/**
 * Writes samples to every enabled sink. What a sink cannot take now goes to retention for that sink; while a sink
 * has retained points, new ones queue behind them there, so nothing overtakes older points of its series.
 * What a sink refuses for good goes to the dead letters.
 */
@ApplicationScoped
public class PerfdataDelivery {

    private static final Logger LOG = Logger.getLogger(PerfdataDelivery.class.getName());

    @Inject
    EnabledSinks sinks;

    @Inject
    RetentionStore retention;

    @Inject
    RetentionBacklog backlog;

    @Inject
    SinkWrites writes;

    @Inject
    SinkHealth health;

    public void deliver(List<MetricSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        for (Sink sink : sinks.all()) {
            if (backlog.isPending(sink.name())) {
                retention.retain(sink.name(), samples);
                health.retainedBehindBacklog(sink.name(), samples.size());
                continue;
            }
            try {
                writes.write(sink, samples);
            } catch (SinkUnavailableException e) {
                // the failure is told before the points are kept: keeping them commits the store, which can take a while
                health.failed(sink.name(), e.getMessage(), samples.size());
                retention.retain(sink.name(), samples);
                backlog.markPending(sink.name());
                LOG.log(Level.WARNING, "{0} unavailable, {1} points kept in retention: {2}",
                        new Object[] {sink.name(), samples.size(), e.getMessage()});
            }
        }
    }

    /** For perfdata that could not be queued: keeps it in retention for every enabled sink. */
    public void retainForAllSinks(List<MetricSample> samples) {
        for (Sink sink : sinks.all()) {
            retention.retain(sink.name(), samples);
            backlog.markPending(sink.name());
        }
    }
}
