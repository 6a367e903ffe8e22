package org.perfbridge.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.perfbridge.config.Setting;
import org.perfbridge.config.Settings;
import org.perfbridge.schedule.PeriodicTask;

/**
 * The MongoDB database perfbridge keeps its logs and retention in. With {@code mongo.uri} empty it starts the
 * embedded mongo-java-server (H2 file under the server's data dir) on 127.0.0.1 and talks to it through the
 * normal driver, so a real MongoDB works unchanged by setting the URI. MongoDB takes no part in JTA transactions,
 * so its calls start none (the group commit calls it for every group).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MongoStorage {

    public static final String LOGS = "logcheckresult";
    public static final String RETENTION = "timeseriesretention";

    private static final Logger LOG = Logger.getLogger(MongoStorage.class.getName());

    private EmbeddedMongo embedded;
    private NewestLogsOnly inMemoryBound;
    private MongoClient client;
    private com.mongodb.client.MongoDatabase database;
    private volatile boolean indexesCreated;
    private final List<PeriodicTask> tasks = new ArrayList<>();

    @Resource
    ManagedThreadFactory threads;

    @PostConstruct
    void open() {
        Settings settings = Settings.fromServer();
        String uri = settings.text(Setting.MONGO_URI);
        if (uri.isBlank()) {
            uri = startEmbedded(settings);
        } else {
            LOG.info("perfbridge uses the MongoDB at mongo.uri");
        }
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                // An unreachable MongoDB must turn into a prompt 503, not a request hanging for 30 s.
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS))
                .build());
        database = client.getDatabase(settings.text(Setting.MONGO_DATABASE));
        ensureIndexes();
        tasks.add(PeriodicTask.every(Duration.ofMinutes(1), "ensure-indexes", threads, this::ensureIndexes));
        if (embedded != null) {
            // a write the embedded store could not make (a full disk) broke it: open it again once it can write
            tasks.add(PeriodicTask.every(Duration.ofSeconds(5), "reopen-embedded", threads, embedded::reopenIfBroken));
            tasks.add(PeriodicTask.every(EmbeddedMongo.CHECKPOINT, "checkpoint-embedded", threads, this::checkpointEmbedded));
        }
    }

    private String startEmbedded(Settings settings) {
        int port = settings.integer(Setting.MONGO_EMBEDDED_PORT);
        if (settings.flag(Setting.MONGO_EMBEDDED_IN_MEMORY)) {
            int maxLogs = settings.integer(Setting.MONGO_EMBEDDED_IN_MEMORY_MAX_LOGS);
            LOG.warning("perfbridge keeps its logs and retention IN MEMORY (mongo.embedded.in_memory): NOT DURABLE, "
                    + "everything is lost when the server stops, and only about the newest " + maxLogs
                    + " logs are kept (mongo.embedded.in_memory_max_logs). For development and benchmarks only.");
            inMemoryBound = new NewestLogsOnly(maxLogs);
            embedded = EmbeddedMongo.start(null, port, settings.text(Setting.MONGO_DATABASE));
            return embedded.uri();
        }
        Path directory = Path.of(System.getProperty("jboss.server.data.dir", "data"), "perfbridge");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + directory + " for the embedded MongoDB", e);
        }
        embedded = EmbeddedMongo.start(directory.resolve("mongo.mv"), port, settings.text(Setting.MONGO_DATABASE));
        return embedded.uri();
    }

    /** Commits the embedded store and drops the journal that commit covers (every {@link EmbeddedMongo#CHECKPOINT}). */
    private void checkpointEmbedded() {
        try {
            embedded.checkpoint();
        } catch (RuntimeException e) {
            LOG.warning("the embedded store could not commit, its journal is kept: " + e.getMessage());
        }
    }

    /**
     * Creates the indexes the API's queries use, one for each shape, with {@code _id} last so that a page of the
     * newest logs is read in index order (a real MongoDB, and the embedded store alike), and the TTL index on
     * {@code _created} that a real MongoDB expires logs with. MongoDB may be unreachable when the application starts:
     * the application still starts (requests answer 503 until MongoDB is back), and this retries every minute.
     */
    private void ensureIndexes() {
        if (indexesCreated) {
            return;
        }
        try {
            for (Bson keys : LogIndexes.QUERIES) {
                logsCollection().createIndex(keys);
            }
            LogIndexes.dropReplaced(logsCollection());
            LogIndexes.ensureExpiry(logsCollection(), Settings.fromServer().integer(Setting.LOGS_MAX_AGE_DAYS));
            database.getCollection(RETENTION).createIndex(Indexes.ascending("sink", "_id"));
            database.getCollection(RETENTION).createIndex(Indexes.ascending("sink", "timestamp"));
            indexesCreated = true;
        } catch (MongoException e) {
            LOG.warning("MongoDB unreachable, indexes not created yet (retried every minute): " + e.getMessage());
        }
    }

    public StoredCollection collection(String name) {
        return new StoredCollection(database.getCollection(name), this);
    }

    public StoredCollection logs() {
        return collection(LOGS);
    }

    /** Deletes expired logs a step at a time until {@code until}; see {@link LogExpiry}. Answers how many. */
    public long expireLogs(int maxAgeDays, int maxLogs, Instant until) {
        return LogExpiry.deleteExpired(logsCollection(), maxAgeDays, maxLogs, until);
    }

    private MongoCollection<Document> logsCollection() {
        return database.getCollection(LOGS);
    }

    /**
     * Inserts the logs in one write; the in-memory store then drops its oldest beyond its bound. Throws
     * {@link StorageUnavailableException}, which reaches the caller as it is (a MongoException would arrive wrapped).
     */
    public void insertLogs(List<Document> documents) {
        writeFailure().ifPresent(failure -> {
            throw StorageUnavailableException.ofWriteFailure(failure, "the embedded store cannot write: " + failure, null);
        });
        long generation = embedded == null ? 0 : embedded.generation();
        try {
            logsCollection().insertMany(documents);
        } catch (MongoException e) {
            throw unavailable("MongoDB could not store the check results: " + e.getMessage(), e);
        }
        if (embedded != null) {
            embedded.journal(documents, generation);
        }
        if (inMemoryBound != null) {
            try {
                inMemoryBound.inserted(logsCollection(), documents);
            } catch (MongoException e) {
                // the logs are stored, so the request succeeds; the oldest are deleted after a later insert
                LOG.warning("the in-memory store could not delete its oldest logs yet: " + e.getMessage());
            }
        }
    }

    public StoredCollection retention() {
        return collection(RETENTION);
    }

    public boolean isReachable() {
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (MongoException e) {
            return false;
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * Whether logs are durable once {@link #makeLogsDurable} wrote them to the embedded store's journal, which then
     * keeps them until {@link #releaseJournalWhen} allows: their perfdata can be queued after the answer.
     */
    public boolean journalsLogs() {
        return embedded != null && !embedded.isInMemory();
    }

    /** See {@link JournalRelease}; until this is called, the journal keeps everything. */
    public void releaseJournalWhen(JournalRelease release) {
        if (journalsLogs()) {
            embedded.releaseJournalWhen(release);
        }
    }

    /** The logs the embedded store's journal held when it opened, once; their perfdata may never have been queued. */
    public List<Document> logsReadBackAtStart() {
        return journalsLogs() ? embedded.takeLogsReadBackAtStart() : List.of();
    }

    /** The embedded store keeps everything in the heap only (mongo.embedded.in_memory): not durable. */
    public boolean isInMemory() {
        return embedded != null && embedded.isInMemory();
    }

    /** Why the embedded store cannot write now, if it cannot; it is opened again every five seconds until it can. */
    public Optional<String> writeFailure() {
        return embedded == null ? Optional.empty() : embedded.writeFailure();
    }

    /**
     * Makes the logs stored since the last call durable, before their check results are answered 201: with the
     * embedded store they are written to its journal. A real MongoDB needs nothing here.
     */
    public void makeLogsDurable() {
        if (embedded != null) {
            try {
                embedded.flushJournal();
            } catch (IOException e) {
                throw unavailable("the embedded store could not write its journal: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Makes everything the embedded store holds durable now (it commits every {@link EmbeddedMongo#CHECKPOINT}
     * by itself); for writes other than logs, which have no journal. A real MongoDB needs nothing here.
     */
    void makeDurable() {
        if (embedded != null) {
            try {
                embedded.commit();
            } catch (RuntimeException e) {
                throw unavailable("the embedded store could not commit: " + e.getMessage(), e);
            }
        }
    }

    /** A refused write, with the reason the embedded store cannot write when that is why. */
    StorageUnavailableException unavailable(String message, Exception cause) {
        return writeFailure().map(failure -> StorageUnavailableException.ofWriteFailure(failure, message, cause))
                .orElseGet(() -> new StorageUnavailableException(message, cause));
    }

    @PreDestroy
    void close() {
        tasks.forEach(PeriodicTask::stop);
        if (client != null) {
            client.close();
        }
        if (embedded != null) {
            embedded.stop();
        }
        DriverThreads.endBufferPoolPruner();
    }
}
