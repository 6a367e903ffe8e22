package org.perfbridge.storage;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;
import org.perfbridge.storage.embedded.EmbeddedH2Backend;

/**
 * The embedded mongo-java-server on 127.0.0.1, over an H2 file or in memory. A write H2 cannot make (a full disk)
 * closes its store for good, so every later request would fail until a restart; {@link #reopenIfBroken} opens the
 * file again instead, at the last commit, which holds everything that was acknowledged.
 */
final class EmbeddedMongo {

    private static final Logger LOG = Logger.getLogger(EmbeddedMongo.class.getName());
    private static final String NO_SPACE = "No space left on device";

    private final Path file;
    private final int port;
    private volatile EmbeddedH2Backend backend;
    private volatile MongoServer server;

    private EmbeddedMongo(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    /** In {@code file}, or in memory when it is null. */
    static EmbeddedMongo start(Path file, int port) {
        EmbeddedMongo mongo = new EmbeddedMongo(file, port);
        mongo.open();
        LOG.info("perfbridge started the embedded MongoDB (mongo-java-server, "
                + (file == null ? "in memory" : "H2 file " + file) + ") on 127.0.0.1:" + port);
        return mongo;
    }

    String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    boolean isInMemory() {
        return backend.isInMemory();
    }

    private void open() {
        EmbeddedH2Backend opened = file == null ? EmbeddedH2Backend.inMemory() : EmbeddedH2Backend.inFile(file);
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

    /** Makes what the store acknowledged durable now; H2 would otherwise commit within a second. */
    void commit() {
        if (!backend.isInMemory()) {
            backend.commit();
        }
    }

    /** Why the store can no longer write, when a failed write closed it. */
    Optional<String> writeFailure() {
        MVStore store = backend.getMvStore();
        if (!store.isClosed()) {
            return Optional.empty();
        }
        for (Throwable cause = store.getPanicException(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(NO_SPACE)) {
                return Optional.of("its disk is full (" + NO_SPACE + ")");
            }
        }
        Throwable panic = store.getPanicException();
        return Optional.of(panic == null ? "its store is closed" : "a write failed: " + panic.getMessage());
    }

    /** After a failed write, serves the file anew from its last commit; returns whether it did. */
    synchronized boolean reopenIfBroken() {
        Optional<String> failure = writeFailure();
        if (failure.isEmpty()) {
            return false;
        }
        server.shutdownNow();
        try {
            open();
        } catch (RuntimeException e) {
            LOG.warning("the embedded store still cannot be opened (" + failure.get() + "), tried again shortly: " + e.getMessage());
            return false;
        }
        LOG.info("the embedded store was opened again after " + failure.get());
        return true;
    }

    void stop() {
        server.shutdown();
    }
}
