package org.perfbridge.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A real Graphite carbon-cache (Debian package {@code graphite-carbon}, or {@code -Dit.carbon.cache.bin}), which keeps
 * every metric {@code 1s:6h}. Carbon writes a point to its whisper file up to ~1.1 s after receiving it (its writer sleeps
 * a second whenever its cache was empty): right after sending, read with {@link #awaitDatapoints}, not {@link #fetch}.
 */
public final class CarbonServer extends PackagedServer {

    private final int linePort;
    private final int picklePort;
    private final int queryPort;
    private final Path whisperDir;

    public CarbonServer(Path workDir, int linePort, int picklePort, int queryPort) {
        super("carbon-cache", workDir, "conf/carbon.conf", List.of("storage/whisper"), Duration.ofSeconds(30),
                linePort, picklePort, queryPort);
        this.whisperDir = this.workDir.resolve("storage/whisper");
        this.linePort = linePort;
        this.picklePort = picklePort;
        this.queryPort = queryPort;
    }

    @Override
    ProcessBuilder prepare(Path config) throws IOException {
        for (String dir : List.of("conf", "storage/whisper", "storage/lists", "log", "run")) {
            Files.createDirectories(workDir.resolve(dir));
        }
        Files.writeString(config, carbonConf());
        Files.writeString(config.resolveSibling("storage-schemas.conf"), "[default]\npattern = .*\nretentions = 1s:6h\n");
        Files.writeString(config.resolveSibling("storage-aggregation.conf"),
                "[default]\npattern = .*\nxFilesFactor = 0\naggregationMethod = average\n");
        Path twistdPidFile = workDir.resolve("run/carbon-cache.pid");
        // twistd does not start while the pidfile a killed carbon left names a PID that some process has now
        Files.deleteIfExists(twistdPidFile);
        // --nodaemon: the process started is the server
        ProcessBuilder command = new ProcessBuilder(System.getProperty("it.carbon.cache.bin", "/usr/bin/carbon-cache"),
                "--config=" + config, "--nodaemon", "--pidfile=" + twistdPidFile, "start");
        // GRAPHITE_ROOT and its kin would override the config's paths
        command.environment().keySet().removeIf(variable -> variable.startsWith("GRAPHITE_"));
        command.environment().put("PYTHONUNBUFFERED", "1");
        command.environment().put("PYTHONWARNINGS", "ignore"); // twisted.conch's deprecation warnings
        return command;
    }

    private String carbonConf() {
        return """
                [cache]
                STORAGE_DIR = %1$s/storage/
                LOCAL_DATA_DIR = %1$s/storage/whisper/
                WHITELISTS_DIR = %1$s/storage/lists/
                LOG_DIR = %1$s/log/
                PID_DIR = %1$s/run/
                DATABASE = whisper
                ENABLE_LOGROTATION = False
                # no USER: Debian's /etc/carbon/carbon.conf has USER = _graphite (switching needs root)
                MAX_CACHE_SIZE = inf
                # tests want each point on disk at once; the load benchmark runs carbon's shipped default (500)
                MAX_UPDATES_PER_SECOND = %5$s
                MAX_CREATES_PER_MINUTE = inf
                MIN_TIMESTAMP_RESOLUTION = 1
                LINE_RECEIVER_INTERFACE = 127.0.0.1
                LINE_RECEIVER_PORT = %2$d
                ENABLE_UDP_LISTENER = False
                UDP_RECEIVER_INTERFACE = 127.0.0.1
                UDP_RECEIVER_PORT = %2$d
                PICKLE_RECEIVER_INTERFACE = 127.0.0.1
                PICKLE_RECEIVER_PORT = %3$d
                PICKLE_RECEIVER_MAX_LENGTH = 1048576
                USE_INSECURE_UNPICKLER = False
                CACHE_QUERY_INTERFACE = 127.0.0.1
                CACHE_QUERY_PORT = %4$d
                USE_FLOW_CONTROL = True
                CACHE_WRITE_STRATEGY = sorted
                WHISPER_AUTOFLUSH = False
                WHISPER_SPARSE_CREATE = True
                WHISPER_FALLOCATE_CREATE = False
                # the default would POST every new metric to a graphite-web at 127.0.0.1:80 (and log errors)
                ENABLE_TAGS = False
                # no carbon.agents.* self-metrics in the whisper dir, unless asked for (the benchmark counts a peer's points)
                CARBON_METRIC_INTERVAL = %6$s
                ENABLE_MANHOLE = False
                ENABLE_AMQP = False
                LOG_LISTENER_CONN_SUCCESS = False
                LOG_CACHE_QUEUE_SORTS = False
                LOG_CACHE_HITS = False
                LOG_UPDATES = False
                LOG_CREATES = True
                """.formatted(workDir, linePort, picklePort, queryPort, System.getProperty("it.carbon.max_updates_per_second", "inf"),
                System.getProperty("it.carbon.metric_interval", "0"));
    }

    /** carbon-cache 1.1.7 drops on SIGTERM what it has not written yet: this waits until it has. */
    @Override
    public void stop() {
        stop(true);
    }

    /** {@code stop(false)} does not wait for carbon to write: points not yet in whisper are lost, as in a crash. */
    public synchronized void stop(boolean drainCache) {
        if (drainCache && isRunning()) {
            // carbon's writer wakes at least once a second and writes its whole cache: once no file changed for 1.5 s it is empty
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            List<String> before;
            do {
                before = whisperFileStates();
                sleep(1500);
            } while (!whisperFileStates().equals(before) && System.nanoTime() < deadline);
        }
        super.stop();
    }

    private List<String> whisperFileStates() {
        return whisperFiles().stream().map(file -> file + " " + file.toFile().lastModified() + " " + file.toFile().length()).toList();
    }

    /** Graphite plaintext lines: "path value timestamp". */
    public void sendLines(String... lines) throws IOException {
        try (Socket socket = new Socket(LOOPBACK, linePort)) {
            socket.getOutputStream().write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    public List<String> metricPaths() {
        return whisperFiles().stream().map(file -> whisperDir.relativize(file).toString().replaceFirst("\\.wsp$", "").replace('/', '.'))
                .sorted().toList();
    }

    /** Carbon's own count, {@code carbon.agents.*.metricsReceived}; needs {@code -Dit.carbon.metric_interval} (seconds). */
    public long metricsReceived(long fromEpochSec, long untilEpochSec) {
        return metricPaths().stream().filter(path -> path.startsWith("carbon.agents.") && path.endsWith(".metricsReceived"))
                .mapToLong(path -> fetch(path, fromEpochSec, untilEpochSec).values().stream().mapToLong(Double::longValue).sum())
                .sum();
    }

    /**
     * The points with {@code fromEpochSec <= timestamp <= untilEpochSec}, read with {@code whisper-fetch} (or
     * {@code -Dit.whisper.fetch.bin}); none without a whisper file. Whisper has nothing in the future or older than 6 h.
     */
    public Map<Long, Double> fetch(String metricPath, long fromEpochSec, long untilEpochSec) {
        Path file = whisperDir.resolve(metricPath.replace('.', '/') + ".wsp");
        Map<Long, Double> points = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return points;
        }
        // whisper reads (from, until]
        ProcessBuilder whisperFetch = new ProcessBuilder(System.getProperty("it.whisper.fetch.bin", "/usr/bin/whisper-fetch"),
                "--from=" + (fromEpochSec - 1), "--until=" + untilEpochSec, "--json", file.toString());
        whisperFetch.environment().put("PYTHONWARNINGS", "ignore");
        String fetched;
        try {
            fetched = run(whisperFetch);
        } catch (IllegalStateException e) {
            if (e.getMessage().contains("No data in selected timerange")) {
                return points;
            }
            throw e;
        }
        // {"start" : 1700000000, "end" : 1700000004, "step" : 1, "values" : [null, 42.5, ...]}
        try (JsonReader reader = Json.createReader(new StringReader(fetched))) {
            JsonObject json = reader.readObject();
            JsonArray values = json.getJsonArray("values");
            for (int i = 0; i < values.size(); i++) {
                long timestamp = json.getJsonNumber("start").longValue() + i * json.getJsonNumber("step").longValue();
                if (!values.isNull(i) && timestamp >= fromEpochSec && timestamp <= untilEpochSec) {
                    points.put(timestamp, values.getJsonNumber(i).doubleValue());
                }
            }
        }
        return points;
    }

    /** Polls {@link #fetch}; a whisper file caught half-created counts as "not yet". */
    public Map<Long, Double> awaitDatapoints(String metricPath, long fromEpochSec, long untilEpochSec, int expectedCount,
                                             Duration timeout) {
        return poll(() -> fetch(metricPath, fromEpochSec, untilEpochSec), points -> points.size() >= expectedCount, timeout, 200);
    }

    private List<Path> whisperFiles() {
        try (Stream<Path> files = Files.walk(whisperDir)) {
            return files.filter(file -> file.toString().endsWith(".wsp")).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + whisperDir, e);
        }
    }
}
