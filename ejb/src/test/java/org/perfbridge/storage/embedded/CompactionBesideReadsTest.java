package org.perfbridge.storage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 rewrites the live pages of mostly-dead chunks in the background while readers walk the indexes. With H2
 * 2.3.232 that once dropped a chunk still holding live pages. Here the store commits every 50 ms with a small
 * buffer, so housekeeping runs all the time, while logs are inserted and expired (the churn that empties chunks)
 * and two readers page through an index; every read must succeed, and the file must open again with exactly the
 * logs that were kept. The assertions H2 has (the test JVM runs with -ea) must not fire either.
 */
class CompactionBesideReadsTest {

    static final int ROUNDS = 60;
    static final int PER_ROUND = 500;

    @TempDir
    Path dir;

    @Test
    void housekeepingBesideReadsAndDeletesLosesNothing() throws Exception {
        Path file = dir.resolve("churn.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).compress().autoCommitBufferSize(64).open();
        store.setAutoCommitDelay(50);
        List<ObjectId> kept = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try (ServedBackend served = new ServedBackend(new EmbeddedH2Backend(store))) {
            MongoCollection<Document> logs = served.collection("logcheckresult");
            logs.createIndex(Indexes.compoundIndex(Indexes.ascending("host_name"), Indexes.descending("last_check", "_id")));
            List<Future<Long>> reads = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                reads.add(readers.submit(() -> readWhile(logs, writing)));
            }
            for (int round = 0; round < ROUNDS; round++) {
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < PER_ROUND; i++) {
                    batch.add(new Document("_id", new ObjectId()).append("host_name", "h" + i % 20)
                            .append("last_check", round * PER_ROUND + i).append("output", "x".repeat(200 + i % 300)));
                }
                logs.insertMany(batch);
                // expiry: all but a tenth of each round goes again, leaving chunks mostly dead
                for (int i = 0; i < PER_ROUND; i++) {
                    if (i % 10 == 0) {
                        kept.add(batch.get(i).getObjectId("_id"));
                    } else {
                        logs.deleteOne(Filters.eq("_id", batch.get(i).getObjectId("_id")));
                    }
                }
            }
            writing.set(false);
            for (Future<Long> read : reads) {
                assertTrue(read.get() > 0, "the readers read");
            }
            assertFalse(store.isClosed(), "the store is still open: no panic");
            assertEquals(kept.size(), logs.countDocuments());
        } finally {
            readers.shutdownNow();
            store.close();
        }

        MVStore again = new MVStore.Builder().fileName(file.toString()).compress().open();
        try (ServedBackend served = new ServedBackend(new EmbeddedH2Backend(again))) {
            List<ObjectId> stored = new ArrayList<>();
            served.collection("logcheckresult").find().sort(Sorts.ascending("_id")).forEach(log -> stored.add(log.getObjectId("_id")));
            assertEquals(kept.stream().sorted().toList(), stored);
        } finally {
            again.close();
        }
    }

    /** Pages through one host's newest logs until the writer is done; answers how many pages it read. */
    private static long readWhile(MongoCollection<Document> logs, AtomicBoolean writing) {
        long pages = 0;
        for (int i = 0; writing.get(); i++) {
            logs.find(Filters.eq("host_name", "h" + i % 20)).sort(Sorts.descending("last_check", "_id"))
                    .skip(i % 5 * 25).limit(25).into(new ArrayList<>());
            logs.countDocuments(Filters.eq("host_name", "h" + i % 20));
            pages++;
        }
        return pages;
    }
}
