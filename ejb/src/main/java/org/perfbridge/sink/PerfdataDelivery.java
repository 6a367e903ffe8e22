package org.perfbridge.sink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.perfbridge.retention.RetentionStore;

/** Writes samples to every enabled sink; what a sink cannot take now goes to retention for that sink. */
@ApplicationScoped
public class PerfdataDelivery {

    private static final Logger LOG = Logger.getLogger(PerfdataDelivery.class.getName());

    @Inject
    EnabledSinks sinks;

    @Inject
    RetentionStore retention;

    @Inject
    SinkHealth health;

    public void deliver(List<MetricSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        for (Sink sink : sinks.all()) {
            try {
                sink.write(samples);
                health.delivered(sink.name(), samples.size());
            } catch (SinkUnavailableException e) {
                retention.retain(sink.name(), samples);
                health.failed(sink.name(), e.getMessage(), samples.size());
                LOG.log(Level.WARNING, "{0} unavailable, {1} points kept in retention: {2}",
                        new Object[] {sink.name(), samples.size(), e.getMessage()});
            }
        }
    }

    /** For perfdata that could not be queued: keeps it in retention for every enabled sink. */
    public void retainForAllSinks(List<MetricSample> samples) {
        for (Sink sink : sinks.all()) {
            retention.retain(sink.name(), samples);
        }
    }
}
