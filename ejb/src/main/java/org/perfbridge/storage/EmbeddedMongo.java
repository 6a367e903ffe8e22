package org.perfbridge.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.perfbridge.storage.embedded.EmbeddedH2Backend;

/**
 * The embedded mongo-java-server on 127.0.0.1, over an H2 file or in memory. In a file, new logs are made durable
 * by their {@link LogJournal} and the store commits every {@link #CHECKPOINT}. A write that fails (a full disk)
 * breaks the store: H2 closes it for good, so every later request would fail until a restart. {@link
 * #reopenIfBroken} opens the file again instead, at its last commit, and the journal holds the logs acknowledged
 * since.
 */
final class EmbeddedMongo {

    static final Duration CHECKPOINT = EmbeddedH2Backend.COMMIT_EVERY;

    private static final Logger LOG = Logger.getLogger(EmbeddedMongo.class.getName());
    private static final String NO_SPACE = "No space left on device";
    // How long a checkpoint or the stop waits for the perfdata of journaled logs to reach the queue before it keeps the journal.
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(5);

    private final Path file;
    private final int port;
    private final String databaseName;
    private final LogJournal journal;
    private volatile EmbeddedH2Backend backend;
    private volatile MongoServer server;
    private volatile String journalFailure;
    private long generation;
    private boolean staleLogsPending;
    // Until the group commit says what it has handed on, no segment is deleted: it hands the logs read back over first.
    private volatile JournalRelease release = timeout -> false;
    private List<ByteBuffer> readBackAtStart;

    private EmbeddedMongo(Path file, int port, String databaseName) {
        this.file = file;
        this.port = port;
        this.databaseName = databaseName;
        this.journal = file == null ? null : LogJournal.open(file.getParent());
    }

    /** In {@code file}, or in memory when it is null; logs are in the collection {@link MongoStorage#LOGS} of the database. */
    static EmbeddedMongo start(Path file, int port, String databaseName) {
        EmbeddedMongo mongo = new EmbeddedMongo(file, port, databaseName);
        ThreadOfItsOwn.run("perfbridge-embedded-mongo-start", mongo::open);
        LOG.info("perfbridge started the embedded MongoDB (mongo-java-server, "
                + (file == null ? "in memory" : "H2 file " + file) + ") on 127.0.0.1:" + port);
        return mongo;
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    boolean isInMemory() {
        return file == null;
    }

    /** Opens the store, reads the journal back into it, and serves it. */
    private void open() {
        EmbeddedH2Backend opened = file == null ? EmbeddedH2Backend.inMemory() : EmbeddedH2Backend.inFile(file);
        if (journal != null) {
            try {
                List<ByteBuffer> readBack = readJournalBack(opened);
                if (readBackAtStart == null) {
                    readBackAtStart = readBack;
                }
            } catch (RuntimeException e) {
                opened.getMvStore().closeImmediately();
                throw e;
            }
        }
        MongoServer started = new MongoServer(opened);
        try {
            started.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            started.shutdownNow();
            throw new IllegalStateException("cannot start the embedded MongoDB on 127.0.0.1:" + port
                    + " (set mongo.embedded.port, or mongo.uri for a real MongoDB)", e);
        }
        backend = opened;
        server = started;
    }

    /**
     * Stores again the logs of the journal that the store's file lacks: those acknowledged after its last commit,
     * before a crash or a failed write. A log the file has already is left as it is (a duplicate key). The segments
     * stay until a checkpoint finds their perfdata handed on. Answers the logs read, as BSON.
     */
    private List<ByteBuffer> readJournalBack(EmbeddedH2Backend store) {
        List<Path> segments = journal.rotate();
        List<ByteBuffer> bson = LogJournal.read(segments);
        List<de.bwaldvogel.mongo.bson.Document> logs = new ArrayList<>();
        bson.forEach(each -> logs.add(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(each.duplicate()))));
        if (!logs.isEmpty()) {
            MongoDatabase database = store.resolveDatabase(databaseName);
            MongoCollection<?> collection = database.resolveCollection(MongoStorage.LOGS, false);
            if (collection == null) {
                collection = database.createCollectionOrThrowIfExists(MongoStorage.LOGS);
            }
            int alreadyStored = collection.insertDocuments(logs, false).size();
            store.commit();
            if (logs.size() > alreadyStored) {
                LOG.info("restored " + (logs.size() - alreadyStored) + " logs from the journal that the store's file lacked");
            }
        }
        return bson;
    }

    /**
     * The logs the journal held when the store opened first, once: their perfdata may not have reached the queue
     * before the server stopped. Later calls answer none.
     */
    synchronized List<Document> takeLogsReadBackAtStart() {
        List<Document> logs = new ArrayList<>();
        if (readBackAtStart != null) {
            readBackAtStart.forEach(bson -> logs.add(LogJournal.decode(bson)));
            readBackAtStart = List.of();
        }
        return logs;
    }

    /** From now on a segment is deleted only once {@code release} says the perfdata of its logs was handed on. */
    void releaseJournalWhen(JournalRelease release) {
        this.release = release;
    }

    private boolean perfdataHandedOn() {
        try {
            return release.awaitHandedOn(RELEASE_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Which store is served: a store opened again has a new generation. */
    synchronized long generation() {
        return generation;
    }

    /**
     * Keeps logs the store of {@code generation} took for the next {@link #flushJournal}. Logs a store took before
     * it was opened again are not in the store served now, so the flush refuses them instead of writing them to a
     * journal that would be dropped at the next checkpoint.
     */
    synchronized void journal(List<Document> logs, long storedInGeneration) {
        if (journal != null) {
            staleLogsPending |= storedInGeneration != generation;
            journal.add(logs);
        }
    }

    /** Makes the logs taken since the last flush durable: they are in the journal file once this returns. */
    synchronized void flushJournal() throws IOException {
        if (journal == null) {
            return;
        }
        if (staleLogsPending) {
            staleLogsPending = false;
            journal.dropPending();
            throw new IOException("the embedded store was opened again while these logs were stored");
        }
        try {
            journal.flush();
        } catch (IOException e) {
            journalFailure = failureOf(e).orElse("the journal could not be written: " + e.getMessage());
            throw e;
        }
    }

    /** Commits the store now: everything it holds is in its file then. */
    void commit() {
        if (file != null) {
            backend.commit();
        }
    }

    /**
     * Commits the store and deletes the journal segments the commit covers: a log reaches the journal after it
     * reached the store, so whatever a segment closed before the commit holds is committed. They are kept, for
     * a later checkpoint, while the perfdata of their logs has not reached the queue.
     */
    void checkpoint() {
        if (journal == null || writeFailure().isPresent()) {
            return;
        }
        List<Path> covered = journal.rotate();
        backend.commit();
        if (perfdataHandedOn()) {
            LogJournal.delete(covered);
        } else {
            LOG.info("the journal's " + covered.size() + " segments are kept: the perfdata of their logs is not queued yet");
        }
    }

    /** Why the store can no longer write, when a failed write broke it. */
    Optional<String> writeFailure() {
        if (journalFailure != null) {
            return Optional.of(journalFailure);
        }
        MVStore store = backend.getMvStore();
        if (!store.isClosed()) {
            return Optional.empty();
        }
        Throwable panic = store.getPanicException();
        return Optional.of(failureOf(panic).orElse(panic == null ? "its store is closed" : "a write failed: " + panic.getMessage()));
    }

    private static Optional<String> failureOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(NO_SPACE)) {
                return Optional.of("its disk is full (" + NO_SPACE + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * After a failed write, serves the file anew from its last commit, dropping what the store held uncommitted
     * (logs of refused requests among it), with the journal read back; returns whether it did.
     */
    synchronized boolean reopenIfBroken() {
        Optional<String> failure = writeFailure();
        if (failure.isEmpty()) {
            return false;
        }
        backend.getMvStore().closeImmediately();
        try {
            ThreadOfItsOwn.run("perfbridge-embedded-mongo-reopen", () -> {
                server.shutdownNow();
                open();
            });
        } catch (RuntimeException e) {
            LOG.warning("the embedded store still cannot be opened (" + failure.get() + "), tried again shortly: " + e.getMessage());
            return false;
        }
        journalFailure = null;
        generation++;
        staleLogsPending = journal != null && journal.hasPending();
        LOG.warning("the embedded store was opened again after " + failure.get());
        return true;
    }

    /** Stops serving at once, without a commit and with the journal as written: what a killed server leaves. For tests. */
    void stopAsIfKilled() {
        backend.getMvStore().closeImmediately();
        ThreadOfItsOwn.run("perfbridge-embedded-mongo-stop", server::shutdownNow);
        journal.close();
    }

    /**
     * Closing the store commits it, so the journal written until then is no longer needed, once the perfdata of
     * its logs is queued; otherwise the next start reads it back and hands that perfdata over again.
     */
    void stop() {
        List<Path> covered = journal == null ? List.of() : journal.rotate();
        ThreadOfItsOwn.run("perfbridge-embedded-mongo-stop", server::shutdown);
        if (journal != null) {
            journal.close();
            if (perfdataHandedOn()) {
                LogJournal.delete(covered);
            }
        }
    }
}
