package org.perfbridge.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.types.ObjectId;
import org.perfbridge.config.Setting;
import org.perfbridge.config.Settings;
import org.perfbridge.retention.RedeliveryLease;
import org.perfbridge.retention.RetainedBatch;
import org.perfbridge.retention.RetentionBacklog;
import org.perfbridge.retention.RetentionStore;
import org.perfbridge.schedule.PeriodicTask;
import org.perfbridge.sink.EnabledSinks;
import org.perfbridge.sink.MetricSample;
import org.perfbridge.sink.Sink;
import org.perfbridge.sink.SinkHealth;
import org.perfbridge.sink.SinkUnavailableException;

/**
 * Every 60 s (when {@code scheduler.active}), for each enabled sink with retained points: applies the retention
 * bounds, takes the sink's lease (so that of several servers sharing MongoDB only one sends), checks the
 * connection, then sends the retained points in the order retained, in batches, deleting each batch only once
 * the sink took it. One run at a time: a run due while another is going (the timer's, or one asked for with
 * {@code POST /api/timeseriesretention/redelivery}) is skipped, and a request is told so; the timer's next run comes
 * 60 s after its last ended.
 */
@Singleton
@Startup
@DependsOn("MongoStorage")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionRedelivery {

    private static final Logger LOG = Logger.getLogger(RetentionRedelivery.class.getName());
    // Renewed before every batch; long enough for one batch to a slow sink.
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final ReentrantLock running = new ReentrantLock();

    @Inject
    RetentionStore retention;

    @Inject
    RetentionBacklog backlog;

    @Inject
    SinkWrites writes;

    @Inject
    RedeliveryLease lease;

    @Inject
    EnabledSinks sinks;

    @Inject
    SinkHealth health;

    @Resource
    ManagedThreadFactory threads;

    private PeriodicTask task;

    @PostConstruct
    void start() {
        task = PeriodicTask.every(Duration.ofMinutes(1), "retention-redelivery", threads, this::onTimer);
    }

    @PreDestroy
    void stop() {
        task.stop();
    }

    private void onTimer() {
        if (Settings.fromServer().flag(Setting.SCHEDULER_ACTIVE)) {
            redeliverNow();
        }
    }

    /**
     * Runs redelivery now and answers the points sent per sink; or, when a run is already going, runs nothing and
     * answers empty.
     */
    public Optional<Map<String, Long>> redeliverNow() {
        if (!running.tryLock()) {
            return Optional.empty();
        }
        try {
            Map<String, Long> sent = new LinkedHashMap<>();
            Settings settings = Settings.fromServer();
            for (Sink sink : sinks.all()) {
                sent.put(sink.name(), redeliver(sink, settings));
            }
            return Optional.of(sent);
        } finally {
            running.unlock();
        }
    }

    private long redeliver(Sink sink, Settings settings) {
        if (retention.count(sink.name()) == 0) {
            backlog.markDrained(sink.name());
            return 0;
        }
        applyBounds(sink.name(), settings);
        if (!lease.acquire(sink.name(), LEASE)) {
            LOG.log(Level.FINE, "another server redelivers {0}", sink.name());
            return 0;
        }
        long sent = 0;
        try {
            sink.checkConnection();
            int batchSize = settings.integer(Setting.RETENTION_BATCH_SIZE);
            long sentThisPass;
            do {
                sentThisPass = sendOnePass(sink, batchSize);
                sent += sentThisPass;
            } while (sentThisPass > 0 && lease.acquire(sink.name(), LEASE));
            backlog.markDrained(sink.name());
        } catch (SinkUnavailableException e) {
            LOG.log(Level.INFO, "{0} still unavailable, retained points wait for the next run: {1}",
                    new Object[] {sink.name(), e.getMessage()});
        } finally {
            lease.release(sink.name());
        }
        if (sent > 0) {
            LOG.log(Level.INFO, "redelivered {0} retained points to {1}", new Object[] {sent, sink.name()});
        }
        return sent;
    }

    /**
     * Sends the sink's retained batches, oldest first, in writes of about {@code batchSize} points, renewing the lease
     * before each; a batch is deleted once the sink took all of it. Answers how many points were taken (delivered
     * or refused for good); batches retained meanwhile wait for the next pass.
     */
    private long sendOnePass(Sink sink, int batchSize) throws SinkUnavailableException {
        long taken = 0;
        Iterator<ObjectId> ids = retention.batchIds(sink.name()).iterator();
        while (ids.hasNext() && lease.acquire(sink.name(), LEASE)) {
            List<RetainedBatch> batches = new ArrayList<>();
            List<MetricSample> samples = new ArrayList<>();
            while (samples.size() < batchSize && ids.hasNext()) {
                retention.batch(ids.next()).ifPresent(batch -> {
                    batches.add(batch);
                    samples.addAll(batch.samples());
                });
            }
            for (int from = 0; from < samples.size(); from += batchSize) {
                writes.write(sink, samples.subList(from, Math.min(samples.size(), from + batchSize)));
            }
            retention.delete(batches);
            taken += samples.size();
        }
        return taken;
    }

    /** Drops what is older than the maximum age, then those retained first beyond the maximum count; counted and logged. */
    private void applyBounds(String sink, Settings settings) {
        long maxAgeSeconds = settings.integer(Setting.RETENTION_MAX_AGE_HOURS) * 3600L;
        long tooOld = retention.deleteOlderThan(sink, System.currentTimeMillis() / 1000 - maxAgeSeconds);
        long tooMany = retention.deleteOldestBeyond(sink, settings.integer(Setting.RETENTION_MAX_POINTS_PER_SINK));
        if (tooOld + tooMany > 0) {
            health.droppedByBounds(sink, tooOld + tooMany);
            LOG.log(Level.WARNING, "retention for {0} dropped {1} points older than retention.max_age_hours and {2} beyond "
                    + "retention.max_points_per_sink", new Object[] {sink, tooOld, tooMany});
        }
    }
}
