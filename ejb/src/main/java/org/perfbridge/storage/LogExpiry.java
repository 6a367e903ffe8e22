package org.perfbridge.storage;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.perfbridge.config.Setting;
import org.perfbridge.config.Settings;
import org.perfbridge.schedule.PeriodicTask;

/**
 * Deletes the embedded store's expired logs in the background: those older than {@code logs.max_age_days}, and the
 * oldest beyond {@code mongo.embedded.max_logs}. It deletes a step at a time, oldest first by the index on
 * {@code _created}, each log by its {@code _id}, and pauses between steps so that ingest goes on meanwhile. A real
 * MongoDB expires logs by age with its TTL index, and keeps them by count as its disk allows.
 */
@Singleton
@Startup
@DependsOn("MongoStorage")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LogExpiry {

    static final int STEP = 1000;
    private static final Duration PAUSE = Duration.ofMillis(20);
    private static final Duration LONGEST_RUN = Duration.ofSeconds(8);
    private static final Logger LOG = Logger.getLogger(LogExpiry.class.getName());

    private PeriodicTask task;

    @Inject
    MongoStorage storage;

    @Resource
    ManagedThreadFactory threads;

    @PostConstruct
    void start() {
        task = PeriodicTask.every(Duration.ofSeconds(10), "log-expiry", threads, this::expire);
    }

    @PreDestroy
    void stop() {
        task.stop();
    }

    private void expire() {
        if (!storage.isEmbedded()) {
            return;
        }
        try {
            Settings settings = Settings.fromServer();
            long deleted = storage.expireLogs(settings.integer(Setting.LOGS_MAX_AGE_DAYS),
                    storage.isInMemory() ? 0 : settings.integer(Setting.MONGO_EMBEDDED_MAX_LOGS), Instant.now().plus(LONGEST_RUN));
            if (deleted > 0) {
                LOG.fine(() -> "deleted " + deleted + " expired logs");
            }
        } catch (MongoException e) {
            LOG.warning("expired logs not deleted this time: " + e.getMessage());
        }
    }

    /**
     * Deletes, a step at a time until {@code until}, the logs older than {@code maxAgeDays} and the oldest beyond
     * {@code maxLogs} (0: no bound of that kind); returns how many it deleted.
     */
    static long deleteExpired(MongoCollection<Document> logs, int maxAgeDays, long maxLogs, Instant until) {
        long deleted = 0;
        while (Instant.now().isBefore(until)) {
            int step = deleteStep(logs, maxAgeDays, maxLogs);
            deleted += step;
            if (step < STEP) {
                break;
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return deleted;
    }

    /** Both kinds of expiry take the oldest logs first, so the longer of their two lists holds the other. */
    private static int deleteStep(MongoCollection<Document> logs, int maxAgeDays, long maxLogs) {
        int overCount = maxLogs > 0 ? (int) Math.max(0, Math.min(STEP, logs.estimatedDocumentCount() - maxLogs)) : 0;
        List<Object> ids = maxAgeDays > 0
                ? oldest(logs, Filters.lt(LogIndexes.CREATED, Date.from(Instant.now().minus(Duration.ofDays(maxAgeDays)))), STEP)
                : List.of();
        if (overCount > ids.size()) {
            ids = oldest(logs, new Document(), overCount);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        List<DeleteOneModel<Document>> deletes = new ArrayList<>(ids.size());
        ids.forEach(id -> deletes.add(new DeleteOneModel<>(Filters.eq("_id", id))));
        return logs.bulkWrite(deletes, new BulkWriteOptions().ordered(false)).getDeletedCount();
    }

    private static List<Object> oldest(MongoCollection<Document> logs, Bson filter, int count) {
        List<Object> ids = new ArrayList<>(count);
        logs.find(filter).sort(Sorts.ascending(LogIndexes.CREATED)).limit(count).projection(Projections.include("_id"))
                .forEach(document -> ids.add(document.get("_id")));
        return ids;
    }
}
