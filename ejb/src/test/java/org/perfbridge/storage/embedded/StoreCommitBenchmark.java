package org.perfbridge.storage.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.perfbridge.storage.MongoStorage;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;

/**
 * Not a test: the embedded store (H2 file) as the group commit uses it under single-POST load, small
 * {@code insertMany} groups through the driver, each followed by a commit. Prints, per window of documents,
 * documents/s, the commit time p50/p99/max and the size of the file, which show when H2 starts compacting and
 * what that costs. Arguments: documents in all (default 1,500,000), documents per commit (default 7, what 16
 * connections of single POSTs make), the file (default a temporary one, deleted at the end).
 *
 * <p>By default the store is opened as perfbridge opens it. To compare H2's options, these system properties
 * change them: {@code store.autoCompactFillRate}, {@code store.keysPerPage}, {@code store.autoCommitBufferSize}
 * (KB), and {@code store.compactEvery} (commits; then {@code MVStore.compact(store.compactTargetFill,
 * store.compactWriteKb)} runs after every that many commits, timed apart).
 */
public final class StoreCommitBenchmark {

    private static final int WINDOW = 100_000;
    private static final int PORT = 27419;

    public static void main(String[] args) throws IOException {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_500_000;
        int perCommit = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path file = args.length > 2 ? Path.of(args[2]) : Files.createTempFile("perfbridge-store-commit", ".mv");
        Files.deleteIfExists(file);
        // without store.* properties, what EmbeddedH2Backend.inFile opens
        EmbeddedH2Backend backend = new EmbeddedH2Backend(withOptions(new MVStore.Builder().fileName(file.toString())).open());
        int compactEvery = Integer.getInteger("store.compactEvery", 0);
        int compactTargetFill = Integer.getInteger("store.compactTargetFill", 50);
        int compactWriteBytes = Integer.getInteger("store.compactWriteKb", 256) * 1024;
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", PORT);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + PORT)) {
            MongoCollection<Document> logs = client.getDatabase("alignak").getCollection(MongoStorage.LOGS);
            System.out.printf("%d documents, %d per commit, file %s, options %s%n", total, perCommit, file, storeOptions());
            long[] commitNanos = new long[WINDOW / perCommit + 1];
            List<Long> compactNanos = new ArrayList<>();
            int commits = 0;
            long allCommits = 0;
            long windowStart = System.nanoTime();
            for (int stored = 0; stored < total; ) {
                List<Document> group = new ArrayList<>(perCommit);
                for (int i = 0; i < perCommit; i++, stored++) {
                    group.add(checkResult(stored));
                }
                logs.insertMany(group);
                long commitStart = System.nanoTime();
                backend.commit();
                commitNanos[commits++] = System.nanoTime() - commitStart;
                if (compactEvery > 0 && ++allCommits % compactEvery == 0) {
                    long compactStart = System.nanoTime();
                    backend.getMvStore().compact(compactTargetFill, compactWriteBytes);
                    compactNanos.add(System.nanoTime() - compactStart);
                }
                if (commits == commitNanos.length || stored >= total) {
                    report(stored, commits * perCommit, System.nanoTime() - windowStart, Arrays.copyOf(commitNanos, commits), file);
                    reportCompactions(compactNanos);
                    compactNanos.clear();
                    commits = 0;
                    windowStart = System.nanoTime();
                }
            }
        } finally {
            server.shutdown();
            if (args.length <= 2) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static MVStore.Builder withOptions(MVStore.Builder builder) {
        Integer fillRate = Integer.getInteger("store.autoCompactFillRate");
        Integer keysPerPage = Integer.getInteger("store.keysPerPage");
        Integer autoCommitBufferKb = Integer.getInteger("store.autoCommitBufferSize");
        if (fillRate != null) {
            builder.autoCompactFillRate(fillRate);
        }
        if (keysPerPage != null) {
            builder.keysPerPage(keysPerPage);
        }
        if (autoCommitBufferKb != null) {
            builder.autoCommitBufferSize(autoCommitBufferKb);
        }
        return builder;
    }

    private static String storeOptions() {
        return System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("store.")).sorted()
                .map(name -> name + "=" + System.getProperty(name)).toList().toString();
    }

    /** The fields a check result's log document has (see CheckResultDocument), with varying values. */
    private static Document checkResult(int n) {
        return new Document("_id", new ObjectId()).append("host_name", "host" + n % 1000).append("service_name", "service" + n % 10)
                .append("state", "OK").append("state_type", "HARD").append("state_id", 0).append("last_check", 1.7e9 + n)
                .append("output", "PING OK - Packet loss = 0%, RTA = 0.08 ms").append("realm", "All")
                .append("perf_data", "rta=0." + n % 997 + "ms;100;500;0 pl=" + n % 100 + "%;20;60;0").append("_created", new Date());
    }

    private static void report(int stored, int inWindow, long nanos, long[] commitNanos, Path file) throws IOException {
        Arrays.sort(commitNanos);
        System.out.printf("%,10d documents: %,6.0f documents/s, commit p50 %5.1f ms, p99 %5.1f ms, max %6.1f ms, file %,6d MB%n",
                stored, inWindow / (nanos / 1e9), millis(commitNanos, 0.5), millis(commitNanos, 0.99),
                commitNanos[commitNanos.length - 1] / 1e6, Files.size(file) >> 20);
    }

    private static void reportCompactions(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%27s compact p50 %5.1f ms, max %6.1f ms (%d runs)%n", "", millis(sorted, 0.5),
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * quantile))] / 1e6;
    }
}
