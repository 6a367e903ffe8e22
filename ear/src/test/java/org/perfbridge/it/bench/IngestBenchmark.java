package org.perfbridge.it.bench;

import static org.perfbridge.it.bench.Latencies.percentile;
import static org.perfbridge.it.bench.Polling.awaitCount;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.bson.Document;
import org.perfbridge.config.Setting;
import org.perfbridge.it.support.CarbonServer;
import org.perfbridge.it.support.Icinga2Server;
import org.perfbridge.it.support.InfluxDbServer;
import org.perfbridge.it.support.TimeseriesServers;
import org.perfbridge.it.support.WildFlyProcess;
import org.perfbridge.storage.embedded.EmbeddedH2Backend;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.it.support.ProcessMemory;

/**
 * The load benchmark of issue "Performance" (not a test): starts the real carbon and InfluxDB and a WildFly with
 * perfbridge (the crash-test server copy, ports +300, both sinks on), drives load over HTTP keep-alive
 * connections and prints what it measured. Run by benchmarks/run-ingest-benchmark.sh.
 */
public final class IngestBenchmark {

    static final int CONNECTIONS = Integer.getInteger("bench.connections", 16);
    static final Duration PHASE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    // On 2 cores the JIT took a third of WildFly's CPU 75-95 s into the load and 5 % after 4 minutes (async-profiler);
    // steady state is what an operator runs.
    static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup.seconds", 240));
    static final String DB = "perfbridge_it";
    // the crash-test server's embedded store (ear/src/test/wildfly/crash-test-settings.cli), default database
    static final String EMBEDDED_MONGO = "mongodb://127.0.0.1:27418";
    static final List<String> STEADY_RATES = List.of(System.getProperty("bench.steady.rates", "1000").split(","));
    static final List<String> PHASES = List.of(System.getProperty("bench.phases", "raw,icinga,single,latency,batch,redelivery,memory").split(","));
    static final String ICINGA_DB = "icinga_bench";
    // -Dbench.wildfly.NAME=VALUE sets the system property NAME on the benchmark's WildFly (kept in its configuration)
    static final String SERVER_PROPERTY = "bench.wildfly.";

    private final PerfbridgeHttp api = new PerfbridgeHttp();
    private final long runId = System.currentTimeMillis() / 1000;

    public static void main(String[] args) throws Exception {
        try {
            new IngestBenchmark().run();
        } catch (Exception | Error e) {
            // exec:java would wait for the load threads before printing this
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    void run() throws Exception {
        Path home = Path.of(System.getProperty("it.crash.wildfly.home"));
        WildFlyProcess server = new WildFlyProcess(home, URI.create(PerfbridgeHttp.API + "/status"));
        server.deleteEmbeddedStore();
        Map<String, String> serverProperties = System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(SERVER_PROPERTY))
                .collect(Collectors.toMap(name -> name.substring(SERVER_PROPERTY.length()), System::getProperty));
        if (!serverProperties.isEmpty()) {
            server.setSystemProperties(serverProperties);
        }
        InfluxDbServer influx = influx();
        influx.createDatabase(DB);
        TimeseriesServers.carbon();
        server.start(Duration.ofMinutes(2));
        try {
            report("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version"));
            double rawBulk = Double.NaN;
            if (PHASES.contains("raw")) {
                rawBulk = rawEmbeddedBulkInsertRate();
                report("embedded store, raw insertMany of 100 documents (driver)", "%,.0f documents/s", rawBulk);
            }
            double icinga = Double.NaN;
            if (PHASES.contains("icinga")) {
                icinga = icingaSideBySide(influx, home.getParent().resolve("icinga2"));
            }
            warmUp();
            if (PHASES.contains("single")) {
                ProcessCpu cpu = processCpu(server);
                PipelineCounts counts = pipelineCounts(server);
                Load single;
                try (PhaseProfiler profiler = PhaseProfiler.start(server.jvmPid(), "single")) {
                    single = drive("single", 1, PHASE);
                }
                String cores = cpu.cores();
                report("1 check result per POST, " + CONNECTIONS + " connections: accepted", "%,.0f check results/s%s", single.perSecond(),
                        Double.isNaN(icinga) ? "" : String.format(Locale.ROOT, " (%.2f× Icinga 2)", single.perSecond() / icinga));
                report("  POST latency", "p50 %.1f ms, p99 %.1f ms", single.percentileMs(50), single.percentileMs(99));
                report("  CPU during the phase", "%s", cores);
                double delivered = awaitDelivered(influx, "single", single.accepted * 2);
                report("  points delivered to InfluxDB (POST start to last point)", "%,.0f points/s", delivered);
                reportPipelineCounts(server, counts, single.accepted, true);
                reportCpuPerCheckResult(cpu, single.accepted);
            }
            if (PHASES.contains("latency")) {
                for (String rate : STEADY_RATES) {
                    latencyAtSteadyRate(server, influx, Integer.parseInt(rate), PHASE);
                }
            }
            if (PHASES.contains("batch")) {
                ProcessCpu cpu = processCpu(server);
                Load batch = drive("batch", 100, PHASE);
                String cores = cpu.cores();
                report("100 check results per POST: accepted", "%,.0f check results/s (%.0f%% of the raw store rate)",
                        batch.perSecond(), 100 * batch.perSecond() / rawBulk);
                report("  POST latency (100 per POST)", "p50 %.1f ms, p99 %.1f ms", batch.percentileMs(50), batch.percentileMs(99));
                report("  CPU during the phase", "%s", cores);
                awaitDelivered(influx, "batch", batch.accepted * 2);
                reportCpuPerCheckResult(cpu, batch.accepted);
            }
            if (PHASES.contains("redelivery")) {
                double redelivery = redeliveryRate(influx);
                report("redelivery once InfluxDB is back", "%,.0f points/s", redelivery);
            }
            report("peak RSS of WildFly (durable runs)", "%,d MiB", ProcessMemory.peakRssKiB(server.jvmPid()) / 1024);
            reportSinkCounters();
            if (PHASES.contains("memory")) {
                server.stop();
                server.setSystemProperties(Map.of(Setting.MONGO_EMBEDDED_IN_MEMORY.propertyName(), "true"));
                try {
                    server.start(Duration.ofMinutes(2));
                    warmUpInMemory(influx);
                    ProcessCpu cpu = processCpu(server);
                    Load inMemory = drive("memory", 100, PHASE);
                    String cores = cpu.cores();
                    report("100 per POST, in-memory store (NOT durable): accepted", "%,.0f check results/s", inMemory.perSecond());
                    report("  CPU during the phase", "%s", cores);
                    awaitDelivered(influx, "memory", inMemory.accepted * 2);
                    report("peak RSS of WildFly (in-memory run)", "%,d MiB", ProcessMemory.peakRssKiB(server.jvmPid()) / 1024);
                    report("  logs the in-memory store kept", "%,d", inMemoryLogCount());
                    reportSinkCounters();
                    server.stop();
                } finally {
                    server.setSystemProperties(Map.of(Setting.MONGO_EMBEDDED_IN_MEMORY.propertyName(), "false"));
                }
            }
        } finally {
            server.stop();
            TimeseriesServers.stopAll();
        }
    }

    /**
     * One check result per POST at a fixed rate (open loop: each POST has its planned start, and its latency counts
     * from then, so a slow server cannot hide its backlog), then how long each took from its planned start until
     * InfluxDB had written its point, seen through an InfluxDB subscription.
     */
    void latencyAtSteadyRate(WildFlyProcess server, InfluxDbServer influx, int perSecond, Duration duration) throws Exception {
        String phase = "steady" + perSecond;
        ProcessCpu cpu = processCpu(server);
        PipelineCounts counts = pipelineCounts(server);
        int total = (int) (perSecond * duration.toSeconds());
        long[] planned = new long[total];
        long[] latencies = new long[total];
        try (InfluxDbArrivals arrivals = new InfluxDbArrivals(influx, DB, "seq", 18999)) {
            ExecutorService workers = Executors.newFixedThreadPool(2 * CONNECTIONS);
            AtomicLong next = new AtomicLong();
            long start = System.nanoTime() + 200_000_000L;
            report("  phase starts at", "%s", java.time.Instant.now().plusMillis(200));
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 2 * CONNECTIONS; w++) {
                done.add(workers.submit(() -> {
                    for (int i = (int) next.getAndIncrement(); i < total; i = (int) next.getAndIncrement()) {
                        planned[i] = start + i * 1_000_000_000L / perSecond;
                        long wait = planned[i] - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        post(checkResult(phase, i, "seq=" + i + " pl=0%"));
                        latencies[i] = System.nanoTime() - planned[i];
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
            workers.shutdown();
            awaitCount(arrivals::count, total, Duration.ofSeconds(60), 200);
            long[] toInflux = new long[total];
            int missing = 0;
            for (int i = 0; i < total; i++) {
                Long arrival = arrivals.arrival(i);
                toInflux[i] = arrival == null ? Long.MAX_VALUE : arrival - planned[i];
                missing += arrival == null ? 1 : 0;
            }
            SlowSeconds slow = new SlowSeconds(latencies, perSecond);
            Arrays.sort(latencies);
            Arrays.sort(toInflux);
            report("steady " + perSecond + " check results/s, 1 per POST: POST latency", "p50 %.1f ms, p99 %.1f ms",
                    percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6);
            report("  POST to point in InfluxDB", "p50 %.1f ms, p99 %.1f ms%s", percentile(toInflux, 50) / 1e6,
                    percentile(toInflux, 99) / 1e6, missing == 0 ? "" : " (" + missing + " points not seen in 60 s)");
            report("  seconds whose POST p99 was over 25 ms", "%d of %d", slow.secondsOver(25_000_000L), slow.seconds());
            report("  the five slowest seconds of the phase", "%s", slow.slowest(5));
            reportPipelineCounts(server, counts, total, false);
            reportCpuPerCheckResult(cpu, total);
        }
    }

    void post(String body) throws IOException, InterruptedException {
        HttpResponse<String> response = api.postJson("/logcheckresult", body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * The peer on the same load, before perfbridge is loaded (WildFly idles meanwhile): Icinga 2 from Debian takes
     * one check result per POST on its REST API (HTTPS: it has no plain HTTP) for 10 s unmeasured, then for the
     * phase time; its points are counted in InfluxDB and by carbon's own received-points counter. Answers the
     * accepted check results per second.
     */
    double icingaSideBySide(InfluxDbServer influx, Path workDir) throws Exception {
        influx.execute("DROP DATABASE " + ICINGA_DB);
        influx.createDatabase(ICINGA_DB);
        Icinga2Server icinga = new Icinga2Server(workDir, 15665, ICINGA_DB);
        icinga.start();
        try {
            HttpClient tls = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                    .sslContext(icinga.clientTrustingItsCa()).build();
            long carbonFrom = System.currentTimeMillis() / 1000;
            Load warm = drive(1, Duration.ofSeconds(10), (first, count) -> postToIcinga(tls, icinga, first, runId - 7200));
            long measuredFrom = runId - 3600;
            ProcessCpu cpu = ProcessCpu.startWithDescendants(Map.of(ICINGA, icinga.pid()));
            Load load = drive(1, PHASE, (first, count) -> postToIcinga(tls, icinga, first, measuredFrom));
            report("Icinga 2 " + icingaVersion() + ", 1 per POST, " + CONNECTIONS + " connections (HTTPS): accepted",
                    "%,.0f check results/s", load.perSecond());
            report("  POST latency", "p50 %.1f ms, p99 %.1f ms", load.percentileMs(50), load.percentileMs(99));
            long expected = load.accepted * 2;
            String measured = "SELECT count(value) FROM passive WHERE time >= " + measuredFrom + "s";
            long inInflux = awaitCount(() -> influxCount(influx, ICINGA_DB, measured), expected, Duration.ofMinutes(3), 500);
            report("  points delivered to InfluxDB (POST start to last point)", "%,.0f points/s, %,d of %,d points",
                    inInflux / seconds(System.nanoTime() - load.started), inInflux, expected);
            icingaCpuPerCheckResult = cpu.millisPer(ICINGA, load.accepted);
            report("  Icinga 2's CPU per check result, until its last point reached InfluxDB", "%.3f ms", icingaCpuPerCheckResult);
            long sentToCarbon = (warm.accepted + load.accepted) * 2;
            CarbonServer carbon = TimeseriesServers.carbon();
            long received = awaitCount(() -> carbon.metricsReceived(carbonFrom, Long.MAX_VALUE / 2), sentToCarbon, Duration.ofMinutes(2), 2000);
            report("  points carbon received (its metricsReceived, warm-up included)", "%,d of %,d", received, sentToCarbon);
            return load.perSecond();
        } finally {
            icinga.stop();
        }
    }

    void postToIcinga(HttpClient tls, Icinga2Server icinga, long n, long firstTimestamp) throws IOException, InterruptedException {
        String body = "{\"type\":\"Service\",\"service\":\"bench-host-" + n % 1000 + "!svc-" + (n / 1000) % 10
                + "\",\"exit_status\":0,\"plugin_output\":\"PING OK\",\"performance_data\":[\"rta=0.0" + (n % 90 + 10)
                + "ms;100;500;0\",\"pl=0%;20;60;0\"],\"execution_start\":" + (firstTimestamp + n / 10_000)
                + ",\"execution_end\":" + (firstTimestamp + n / 10_000) + "}";
        HttpResponse<String> response = tls.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + icinga.apiPort() + "/v1/actions/process-check-result"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (Icinga2Server.USER + ":" + Icinga2Server.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Icinga 2 answered " + response.statusCode() + ": " + response.body());
        }
    }

    static String icingaVersion() throws IOException {
        Process version = new ProcessBuilder("icinga2", "--version").redirectErrorStream(true).start();
        String first = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        int at = first.indexOf("version: ");
        return at < 0 ? first : first.substring(at + 9).replace(")", "");
    }

    static long influxCount(InfluxDbServer influx, String database, String query) {
        List<List<Object>> rows = influx.query(database, query);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(1)).longValue();
    }

    /** Drives single and batched POSTs for the warm-up time, not measured, and waits until their points are in. */
    void warmUp() throws Exception {
        if (WARMUP.isZero()) {
            return;
        }
        Load single = drive("warmup", 1, WARMUP.dividedBy(2));
        Load batch = drive("warmupbatch", 100, WARMUP.dividedBy(2));
        awaitDelivered(influx(), "warmup", single.accepted * 2);
        awaitDelivered(influx(), "warmupbatch", batch.accepted * 2);
        report("warm-up (not measured)", "%s of single and batched POSTs", WARMUP);
    }

    /** The JIT again after the restart: 90 s of batched POSTs. */
    void warmUpInMemory(InfluxDbServer influx) throws Exception {
        Load warm = drive("memorywarmup", 100, Duration.ofSeconds(90));
        awaitDelivered(influx, "memorywarmup", warm.accepted * 2);
        report("in-memory warm-up (not measured)", "90 s of batched POSTs");
    }

    /** The in-memory store bounds itself to about its newest logs (mongo.embedded.in_memory_max_logs). */
    static long inMemoryLogCount() {
        try (MongoClient client = MongoClients.create(EMBEDDED_MONGO)) {
            return client.getDatabase("alignak").getCollection(MongoStorage.LOGS).countDocuments();
        }
    }

    /** Retains points while InfluxDB is stopped, starts it, and times one redelivery run. */
    double redeliveryRate(InfluxDbServer influx) throws Exception {
        influx.stop();
        Load retained;
        try {
            retained = drive("redelivery", 100, Duration.ofSeconds(15));
            awaitRetained(retained.accepted * 2);
        } finally {
            influx.start();
        }
        long started = System.nanoTime();
        HttpResponse<String> response = api.postNothing("/timeseriesretention/redelivery");
        double seconds = seconds(System.nanoTime() - started);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("redelivery answered " + response.statusCode() + ": " + response.body());
        }
        long points = countPoints(influx, "redelivery");
        if (points < retained.accepted * 2) {
            throw new IllegalStateException("only " + points + " of " + retained.accepted * 2 + " points redelivered");
        }
        return points / seconds;
    }

    /** What each sink took since the server started (carbon: counted once it closed the connection after reading). */
    void reportSinkCounters() throws Exception {
        for (String sink : List.of("graphite", "influxdb")) {
            JsonObject status = api.sinkStatus(sink);
            report("  " + sink + ": points delivered since start, still retained", "%,d, %s",
                    status.getJsonNumber("points_delivered").longValue(), status.get("retention_count"));
        }
    }

    void awaitRetained(long points) throws Exception {
        long retained = awaitCount(() -> {
            JsonObject influxdb = api.sinkStatus("influxdb");
            return influxdb.isNull("retention_count") ? 0 : influxdb.getJsonNumber("retention_count").longValue();
        }, points, Duration.ofMinutes(3), 500);
        if (retained < points) {
            throw new IllegalStateException("points not retained in time");
        }
    }

    /**
     * The rate the embedded store (perfbridge's, with its index key order) takes the same documents at, through the
     * driver, without perfbridge: 10 s to warm
     * the JIT up, then 10 s measured.
     */
    double rawEmbeddedBulkInsertRate() throws IOException {
        Path file = Files.createTempFile("bench-raw", ".mv");
        Files.delete(file);
        EmbeddedH2Backend backend = EmbeddedH2Backend.inFile(file);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 27501);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:27501")) {
            MongoCollection<Document> logs = client.getDatabase("bench").getCollection(MongoStorage.LOGS);
            insertBatchesOf100(logs, backend, "rawwarmup", Duration.ofSeconds(10));
            long started = System.nanoTime();
            int total = insertBatchesOf100(logs, backend, "raw", Duration.ofSeconds(10));
            return total / seconds(System.nanoTime() - started);
        } finally {
            server.shutdownNow();
            Files.deleteIfExists(file);
        }
    }

    private int insertBatchesOf100(MongoCollection<Document> logs, EmbeddedH2Backend backend, String phase, Duration duration) {
        int total = 0;
        long started = System.nanoTime();
        while (System.nanoTime() - started < duration.toNanos()) {
            List<Document> batch = new ArrayList<>(100);
            for (int i = 0; i < 100; i++, total++) {
                batch.add(Document.parse(checkResult(phase, total)));
            }
            logs.insertMany(batch);
            backend.commit();
        }
        return total;
    }

    /** The processes that share the two cores during a phase. */
    static ProcessCpu processCpu(WildFlyProcess server) {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("WildFly", server.jvmPid());
        pids.put("carbon", TimeseriesServers.carbon().pid());
        pids.put("InfluxDB", influx().pid());
        pids.put("load generator", ProcessHandle.current().pid());
        return ProcessCpu.start(pids);
    }

    static InfluxDbServer influx() {
        return TimeseriesServers.influxDb();
    }

    Load drive(String phase, int perPost, Duration duration) throws Exception {
        return drive(perPost, duration, (first, count) -> {
            StringBuilder body = new StringBuilder(perPost == 1 ? "" : "[");
            for (int i = 0; i < perPost; i++) {
                body.append(i == 0 ? "" : ",").append(checkResult(phase, first + i));
            }
            post(perPost == 1 ? body.toString() : body.append(']').toString());
        });
    }

    /** One POST of the check results numbered {@code first} to {@code first + count - 1}. */
    interface Post {
        void send(long first, int count) throws Exception;
    }

    /** {@link #CONNECTIONS} threads, each POSTing as fast as it is answered, for the duration. */
    Load drive(int perPost, Duration duration, Post post) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(CONNECTIONS);
        AtomicLong sequence = new AtomicLong();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            results.add(workers.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long first = sequence.getAndAdd(perPost);
                    long sent = System.nanoTime();
                    post.send(first, perPost);
                    latencies[n++] = System.nanoTime() - sent;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> result : results) {
            all.add(result.get());
        }
        workers.shutdown();
        long elapsed = System.nanoTime() - started;
        long posts = all.stream().mapToLong(l -> l.length).sum();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Load(posts * perPost, elapsed, latencies, started);
    }

    /** Waits until InfluxDB holds the expected points of the phase; answers points per second since the phase began. */
    double awaitDelivered(InfluxDbServer influx, String phase, long expectedPoints) throws Exception {
        long started = lastPhaseStart;
        long found = awaitCount(() -> countPoints(influx, phase), expectedPoints, Duration.ofMinutes(5), 500);
        if (found >= expectedPoints) {
            return found / seconds(System.nanoTime() - started);
        }
        throw new IllegalStateException("only " + found + " of " + expectedPoints + " points of " + phase + " reached InfluxDB");
    }

    private long lastPhaseStart;
    private double icingaCpuPerCheckResult = Double.NaN;
    static final String ICINGA = "Icinga 2";

    /** The JMS messages queued so far and the context switches of WildFly's threads, at a phase's start. */
    private record PipelineCounts(long messagesQueued, ContextSwitches switches) {
    }

    PipelineCounts pipelineCounts(WildFlyProcess server) throws IOException, InterruptedException {
        return new PipelineCounts(api.messagesQueued(), ContextSwitches.of(server.jvmPid()));
    }

    /**
     * Check results per JMS message and WildFly's context switches per check result since {@code start}; with
     * {@code byKind}, the kinds of thread that made most of the switches as well.
     */
    void reportPipelineCounts(WildFlyProcess server, PipelineCounts start, long accepted, boolean byKind)
            throws IOException, InterruptedException {
        report("  check results per JMS message (one message per group commit)", "%.1f",
                (double) accepted / (api.messagesQueued() - start.messagesQueued()));
        ContextSwitches now = ContextSwitches.of(server.jvmPid());
        report("  context switches of WildFly's threads per check result", "%.1f", (double) now.since(start.switches()) / accepted);
        if (byKind) {
            now.sinceByKind(start.switches(), server.jvmPid()).entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                    .forEach(kind -> report("    " + kind.getKey(), "%.2f", (double) kind.getValue() / accepted));
        }
    }

    /** WildFly's CPU from the phase's first POST until its last point reached InfluxDB, per check result accepted. */
    void reportCpuPerCheckResult(ProcessCpu cpu, long accepted) {
        double wildFly = cpu.millisPer("WildFly", accepted);
        double icinga = icingaCpuPerCheckResult;
        report("  WildFly's CPU per check result, until its last point reached InfluxDB", "%.3f ms%s", wildFly,
                Double.isNaN(icinga) ? "" : String.format(Locale.ROOT, " (Icinga 2: %.3f ms, %.1f× as much)", icinga, wildFly / icinga));
    }

    long countPoints(InfluxDbServer influx, String phase) {
        long total = 0;
        for (String measurement : List.of("rta", "pl")) {
            total += influxCount(influx, DB, "SELECT count(value) FROM " + measurement + " WHERE service =~ /^" + phase + runId + "-/");
        }
        return total;
    }

    /** 1,000 hosts × 10 services, two perf metrics, every check result of a run at its own timestamp per series. */
    String checkResult(String phase, long n) {
        return checkResult(phase, n, "rta=0.0" + (n % 90 + 10) + "ms;100;500;0 pl=0%;20;60;0");
    }

    String checkResult(String phase, long n, String perfData) {
        long host = n % 1000;
        long service = (n / 1000) % 10;
        long round = n / 10_000;
        return "{\"host_name\":\"bench-host-" + host + "\",\"service_name\":\"" + phase + runId + "-" + service
                + "\",\"state\":\"OK\",\"last_check\":" + (runId - 3600 + round) + ",\"output\":\"PING OK\","
                + "\"perf_data\":\"" + perfData + "\"}";
    }

    final class Load {
        final long accepted;
        final long elapsedNanos;
        final long[] sortedLatencies;
        final long started;

        Load(long accepted, long elapsedNanos, long[] sortedLatencies, long started) {
            this.accepted = accepted;
            this.started = started;
            this.elapsedNanos = elapsedNanos;
            this.sortedLatencies = sortedLatencies;
            lastPhaseStart = started;
        }

        double perSecond() {
            return accepted / seconds(elapsedNanos);
        }

        double percentileMs(int percentile) {
            return percentile(sortedLatencies, percentile) / 1e6;
        }
    }

    static void report(String what, String format, Object... values) {
        System.out.printf(Locale.ROOT, "%-62s %s%n", what, String.format(Locale.ROOT, format, values));
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
