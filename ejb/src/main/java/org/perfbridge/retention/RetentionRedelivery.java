package org.perfbridge.retention;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.perfbridge.config.Setting;
import org.perfbridge.config.Settings;
import org.perfbridge.sink.EnabledSinks;
import org.perfbridge.sink.MetricSample;
import org.perfbridge.sink.Sink;
import org.perfbridge.sink.SinkHealth;
import org.perfbridge.sink.SinkUnavailableException;

/**
 * Every 60 s (when {@code scheduler.active}), for each enabled sink with retained points: checks the connection,
 * then sends the retained points oldest first in batches, deleting each batch only once the sink took it.
 * One run at a time: a run still going when the next is due makes the next one skip.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionRedelivery {

    private static final Logger LOG = Logger.getLogger(RetentionRedelivery.class.getName());

    private final ReentrantLock running = new ReentrantLock();

    @Inject
    RetentionStore retention;

    @Inject
    EnabledSinks sinks;

    @Inject
    SinkHealth health;

    @Schedule(hour = "*", minute = "*", second = "0", persistent = false)
    void onTimer() {
        if (Settings.fromServer().flag(Setting.SCHEDULER_ACTIVE)) {
            redeliverNow();
        }
    }

    /** Runs redelivery now, or not at all when a run is already going; answers the points sent per sink. */
    public Map<String, Long> redeliverNow() {
        Map<String, Long> sent = new LinkedHashMap<>();
        if (!running.tryLock()) {
            return sent;
        }
        try {
            int batchSize = Settings.fromServer().integer(Setting.RETENTION_BATCH_SIZE);
            for (Sink sink : sinks.all()) {
                sent.put(sink.name(), redeliver(sink, batchSize));
            }
            return sent;
        } finally {
            running.unlock();
        }
    }

    private long redeliver(Sink sink, int batchSize) {
        long sent = 0;
        if (retention.count(sink.name()) == 0) {
            return sent;
        }
        try {
            sink.checkConnection();
            List<RetainedPoint> batch;
            while (!(batch = retention.oldest(sink.name(), batchSize)).isEmpty()) {
                List<MetricSample> samples = batch.stream().map(RetainedPoint::sample).toList();
                sink.write(samples);
                retention.delete(batch);
                health.delivered(sink.name(), samples.size());
                sent += samples.size();
            }
        } catch (SinkUnavailableException e) {
            LOG.log(Level.INFO, "{0} still unavailable, retained points wait for the next run: {1}",
                    new Object[] {sink.name(), e.getMessage()});
        }
        if (sent > 0) {
            LOG.log(Level.INFO, "redelivered {0} retained points to {1}", new Object[] {sent, sink.name()});
        }
        return sent;
    }
}
