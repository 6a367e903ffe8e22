package org.perfbridge.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.perfbridge.config.Setting;
import org.perfbridge.it.support.InfluxDbServer;
import org.perfbridge.it.support.TimeseriesServers;
import org.perfbridge.it.support.WildFlyProcess;
import org.perfbridge.it.support.ProcessMemory;

/**
 * The store at scale (a command, not a test): perfbridge as users run it, on the crash-test server copy (ports +300)
 * with WildFly's default heap, the default durable embedded store, empty at the start, and the InfluxDB sink on a real
 * influxd. Carbon is not started and the Graphite sink is off for the run ({@code graphite.host} blank, set back
 * afterwards), so that the two cores go to WildFly, the store and InfluxDB. It fills the store with a million logs,
 * reads them back in the shapes a UI asks for, posts at a steady rate while reading, weighs the heap, and on request
 * soaks the store with more logs than its bound keeps. Every figure is printed as a row of a Markdown table, with the
 * target beside it. Run by benchmarks/run-store-benchmark.sh.
 *
 * <p>Every check result is numbered ({@link NumberedCheckResults}), so each read's answer is known exactly; a wrong
 * one is counted, and any wrong answer, wrong count or failed fill makes the command exit with 1 after its last phase.
 * The store keeps its default bound on the logs until the soak ({@link #MAX_LOGS_PROPERTY}): a fill beyond it cannot
 * be counted exactly. The soak restarts the server with its own bound, so its first minute includes the JIT's warm-up.
 *
 * <p>Phases ({@code -Dbench.phases=fill,reads,steady,memory,soak}, the default without soak) and their sizes are
 * system properties, listed with their defaults below and in the script.
 */
public final class StoreScaleBenchmark {

    /** The setting that bounds the logs the embedded store keeps; the soak sets it, and sets back what it found. */
    static final String MAX_LOGS_PROPERTY = "mongo.embedded.max_logs";

    static final List<String> PHASES = List.of(System.getProperty("bench.phases", "fill,reads,steady,memory").split(","));
    static final long LOGS = Long.getLong("bench.logs", 1_000_000);
    static final int PER_POST = 100;
    static final int FILL_CONNECTIONS = Integer.getInteger("bench.fill.connections", 4);
    static final int READS = Integer.getInteger("bench.reads", 200);
    static final int STEADY_RATE = Integer.getInteger("bench.steady.rate", 200);
    static final int STEADY_SECONDS = Integer.getInteger("bench.steady.seconds", 60);
    // The JIT compiles the single POSTs' path in the first half-minute: 850 methods in its first second, 50 a
    // second by its 30th (-Xlog:jit+compilation), with POST p50 at 18 ms, then 6 ms.
    static final int STEADY_WARMUP_SECONDS = Integer.getInteger("bench.steady.warmup_seconds", 30);
    static final int OPEN_LOOP_CONNECTIONS = Integer.getInteger("bench.open_loop.connections", 16);
    static final int SOAK_RATE = Integer.getInteger("bench.soak.rate", 500);
    static final long SOAK_LOGS = Long.getLong("bench.soak.logs", 1_500_000);
    static final long SOAK_MAX_LOGS = Long.getLong("bench.soak.max_logs", 1_000_000);
    static final long SEED = Long.getLong("bench.seed", 1);
    static final boolean KEEP_DATA = Boolean.getBoolean("bench.keep_data");
    // the influxdb.database of the crash-test server (ear/src/test/wildfly/test-settings.cli)
    static final String DB = "perfbridge_it";
    static final int POST_P99_TARGET_MILLIS = 50;
    static final long HEAP_TARGET_MIB = 300;

    private final PerfbridgeHttp api = new PerfbridgeHttp(Duration.ofMinutes(5));
    // 0.1 s apart, the last of all phases an hour ago
    private final NumberedCheckResults results = new NumberedCheckResults(Instant.now().getEpochSecond() - 3600
            - (LOGS + (long) STEADY_RATE * (STEADY_WARMUP_SECONDS + STEADY_SECONDS) + SOAK_LOGS) / 10);
    /** The next number to post: every check result below it was posted. */
    private final AtomicLong sequence = new AtomicLong();
    private final List<String> failures = new ArrayList<>();
    private WildFlyProcess server;
    private Path storeDir;

    public static void main(String[] args) {
        int status;
        try {
            status = new StoreScaleBenchmark().run();
        } catch (Exception | Error e) {
            // exec:java would wait for the load threads before printing this
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    int run() throws Exception {
        Path home = Path.of(System.getProperty("it.crash.wildfly.home"));
        server = new WildFlyProcess(home, URI.create(PerfbridgeHttp.API + "/status"));
        storeDir = home.resolve("standalone/data/perfbridge");
        server.deleteEmbeddedStore();
        Map<String, String> restore = new LinkedHashMap<>();
        // the crash-test server's value (test-settings.cli)
        restore.put(Setting.GRAPHITE_HOST.propertyName(), TimeseriesServers.HOST);
        server.setSystemProperties(Map.of(Setting.GRAPHITE_HOST.propertyName(), ""));
        InfluxDbServer influx = null;
        try {
            influx = TimeseriesServers.influxDb();
            influx.createDatabase(DB);
            server.start(Duration.ofMinutes(2));
            printHeader();
            if (PHASES.contains("fill")) {
                fill();
            }
            if (PHASES.contains("reads")) {
                reads();
            }
            if (PHASES.contains("steady")) {
                readsWhileIngest();
            }
            if (PHASES.contains("memory")) {
                memory();
            }
            if (PHASES.contains("soak")) {
                restore.put(MAX_LOGS_PROPERTY, configuredValue(home, MAX_LOGS_PROPERTY));
                new StoreSoak(this).run();
            }
        } finally {
            try {
                server.stop();
                server.setSystemProperties(restore);
            } finally {
                TimeseriesServers.stopAll();
            }
            if (!KEEP_DATA) {
                server.deleteEmbeddedStore();
                if (influx != null) {
                    influx.deleteData();
                }
            }
        }
        failures.forEach(failure -> System.err.println("FAILED: " + failure));
        return failures.isEmpty() ? 0 : 1;
    }

    private void printHeader() {
        row("measure", "this run", "target");
        System.out.println("|---|---|---|");
        String heap = ProcessHandle.of(server.jvmPid()).flatMap(jvm -> jvm.info().arguments()).stream().flatMap(Stream::of)
                .filter(argument -> argument.startsWith("-Xmx")).reduce((first, last) -> last).orElse("JVM default");
        row("machine", String.format(Locale.ROOT, "%d cores, Java %s, WildFly heap %s, %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), heap, Instant.now().truncatedTo(ChronoUnit.MINUTES)), "");
    }

    /** N logs as 1,000 hosts × 10 services, 100 per POST on a few connections, each POST as soon as the last is answered. */
    void fill() throws Exception {
        long first = sequence.get();
        long end = first + LOGS;
        LatencyRecorder latencies = new LatencyRecorder();
        AtomicLong next = new AtomicLong(first);
        AtomicLong posted = new AtomicLong();
        ExecutorService workers = Executors.newFixedThreadPool(FILL_CONNECTIONS);
        List<Future<?>> done = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < FILL_CONNECTIONS; c++) {
            done.add(workers.submit(() -> {
                for (long from = next.getAndAdd(PER_POST); from < end; from = next.getAndAdd(PER_POST)) {
                    int count = (int) Math.min(PER_POST, end - from);
                    long sent = System.nanoTime();
                    HttpResponse<String> response = api.postJson("/logcheckresult", results.array(from, count));
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("fill: a POST answered " + response.statusCode() + ": " + response.body());
                    }
                    latencies.add(System.nanoTime() - sent);
                    posted.addAndGet(count);
                }
                return null;
            }));
        }
        workers.shutdown();
        while (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            for (Future<?> each : done) {
                if (each.isDone()) {
                    each.get();
                }
            }
            System.err.printf(Locale.ROOT, "fill: %,d of %,d posted after %.0f s%n", posted.get(), LOGS, seconds(System.nanoTime() - started));
        }
        for (Future<?> each : done) {
            each.get();
        }
        long elapsed = System.nanoTime() - started;
        sequence.set(end);
        row(String.format(Locale.ROOT, "fill: %,d logs, %d per POST, %d connections", LOGS, PER_POST, FILL_CONNECTIONS),
                String.format(Locale.ROOT, "%,.0f logs/s, %.0f s; POST %s", LOGS / seconds(elapsed), seconds(elapsed), latencies.drain().summary()), "");

        long points = 2 * LOGS;
        long delivered = Polling.awaitCount(() -> api.sinkStatus("influxdb").getJsonNumber("points_delivered").longValue(), points,
                Duration.ofMinutes(10), 1000);
        row("… points delivered to InfluxDB", String.format(Locale.ROOT, "%,d of %,d, all within %.1f s after the last POST", delivered, points,
                seconds(System.nanoTime() - started - elapsed)), "");
        long stored = storedLogs();
        long bytes = storeBytes();
        row("… store files (standalone/data/perfbridge)", String.format(Locale.ROOT, "%,.0f MB, %,d bytes per log", bytes / 1e6,
                stored == 0 ? 0 : bytes / stored), "");
        row("… logs the API counts (`?max_results=1`, `_meta.total`)", String.format(Locale.ROOT, "%,d", stored),
                expected(String.format(Locale.ROOT, "exactly %,d", LOGS), stored == LOGS));
        if (stored != LOGS) {
            failures.add("fill: the API counts " + stored + " logs of " + LOGS + " posted");
        }
    }

    /** Each read shape {@link #READS} times, one GET after the other, on the store as the phases before left it. */
    void reads() throws InterruptedException {
        long posted = sequence.get();
        for (ReadShape shape : ReadShape.values()) {
            LogReader reader = new LogReader(api, results, SEED + shape.ordinal());
            long[] nanos = new long[READS];
            for (int i = 0; i < READS; i++) {
                nanos[i] = reader.read(shape, posted);
            }
            Latencies latencies = Latencies.of(nanos);
            long matching = NumberedCheckResults.count(posted, 0, shape.modulus());
            row(String.format(Locale.ROOT, "reads: `%s` (%,d matching logs), %,d GETs", shape.label(), matching, READS),
                    latencies.summary() + reader.wrongAnswersText(),
                    expected("p99 ≤ " + shape.targetP99Millis() + " ms", latencies.percentileMs(99) <= shape.targetP99Millis()));
            if (reader.wrongAnswers() > 0) {
                failures.add("reads " + shape.label() + reader.wrongAnswersText());
            }
        }
    }

    /**
     * A steady rate of single check results, open loop, while one reader goes round the read shapes: first a warm-up,
     * shown but not judged, then the phase measured.
     */
    void readsWhileIngest() throws Exception {
        LatencyRecorder gets = new LatencyRecorder();
        LogReader reader = new LogReader(api, results, SEED + 100);
        OpenLoopPosts posts;
        try (LogReader.Loop loop = reader.loop(gets)) {
            long warmUpCount = (long) STEADY_RATE * STEADY_WARMUP_SECONDS;
            OpenLoopPosts warmUp = OpenLoopPosts.start(api, results, sequence.getAndAdd(warmUpCount), warmUpCount, STEADY_RATE,
                    OPEN_LOOP_CONNECTIONS);
            warmUp.awaitDone();
            gets.drain();
            row(String.format(Locale.ROOT, "reads-while-ingest, warm-up: the same for %d s (not judged)", STEADY_WARMUP_SECONDS),
                    String.format(Locale.ROOT, "POST %s; %,d answers not 201", warmUp.drainLatencies().summary(), warmUp.refused()), "");
            long count = (long) STEADY_RATE * STEADY_SECONDS;
            posts = OpenLoopPosts.start(api, results, sequence.getAndAdd(count), count, STEADY_RATE, OPEN_LOOP_CONNECTIONS);
            posts.awaitDone();
        }
        Latencies post = posts.drainLatencies();
        Latencies get = gets.drain();
        row(String.format(Locale.ROOT, "reads-while-ingest: %,d POST/s of 1 check result for %d s (open loop, %d connections)",
                        STEADY_RATE, STEADY_SECONDS, OPEN_LOOP_CONNECTIONS),
                String.format(Locale.ROOT, "POST %s; %,d answers not 201%s", post.summary(), posts.refused(), posts.firstRefusalText()),
                expected("POST p99 ≤ " + POST_P99_TARGET_MILLIS + " ms, none refused",
                        post.percentileMs(99) <= POST_P99_TARGET_MILLIS && posts.refused() == 0));
        row("… one reader going round the four read shapes meanwhile", String.format(Locale.ROOT, "%,d GETs, %s%s", get.count(),
                get.summary(), reader.wrongAnswersText()), "");
        if (reader.wrongAnswers() > 0) {
            failures.add("reads while ingest" + reader.wrongAnswersText());
        }
    }

    void memory() throws Exception {
        long pid = server.jvmPid();
        long heapKiB = ProcessMemory.heapAfterFullGcKiB(pid);
        row("memory: WildFly heap after a full GC (`jcmd GC.run`, `jstat -gc`)", String.format(Locale.ROOT, "%,d MiB", heapKiB / 1024),
                expected("< " + HEAP_TARGET_MIB + " MiB", heapKiB < HEAP_TARGET_MIB * 1024));
        row("… WildFly RSS (now, peak)", String.format(Locale.ROOT, "%,d MiB, %,d MiB", ProcessMemory.rssKiB(pid) / 1024,
                ProcessMemory.peakRssKiB(pid) / 1024), "");
    }

    /** The value standalone-full.xml gives a system property; blank (the setting's default) when it gives none. */
    private static String configuredValue(Path home, String property) throws IOException {
        Matcher value = Pattern.compile("<property name=\"" + Pattern.quote(property) + "\" value=\"([^\"]*)\"")
                .matcher(Files.readString(home.resolve("standalone/configuration/standalone-full.xml")));
        return value.find() ? value.group(1) : "";
    }

    /** {@code _meta.total} of {@code GET /api/logcheckresult?max_results=1}. */
    long storedLogs() throws IOException, InterruptedException {
        HttpResponse<String> response = api.get("/logcheckresult?max_results=1");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET logcheckresult answered " + response.statusCode() + ": " + response.body());
        }
        return PerfbridgeHttp.json(response.body()).getJsonObject("_meta").getJsonNumber("total").longValue();
    }

    /** The files of the embedded store (whatever their names, which the store's rewrite may change). */
    long storeBytes() {
        try (Stream<Path> files = Files.walk(storeDir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException gone) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PerfbridgeHttp api() {
        return api;
    }

    NumberedCheckResults results() {
        return results;
    }

    AtomicLong sequence() {
        return sequence;
    }

    WildFlyProcess server() {
        return server;
    }

    void fail(String failure) {
        failures.add(failure);
    }

    static String expected(String target, boolean met) {
        return target + (met ? ": met" : ": **not met**");
    }

    static void row(String measure, String value, String target) {
        System.out.println("| " + measure + " | " + value + " | " + target + " |");
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
