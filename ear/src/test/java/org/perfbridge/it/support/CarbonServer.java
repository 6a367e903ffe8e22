package org.perfbridge.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Graphite carbon-cache (Debian package {@code graphite-carbon}) started in the foreground as a child
 * process of the test JVM, listening only on 127.0.0.1, with everything under one work directory:
 *
 * <pre>
 * workDir/conf/carbon.conf, storage-schemas.conf, storage-aggregation.conf   generated
 * workDir/storage/whisper/            LOCAL_DATA_DIR (whisper files, kept across stop()/start())
 * workDir/storage/lists, workDir/log  WHITELISTS_DIR, LOG_DIR (unused with --nodaemon)
 * workDir/run/carbon-cache.pid        PID_DIR / twistd pidfile
 * workDir/carbon-cache.log            stdout+stderr (with --nodaemon twistd logs to stdout)
 * </pre>
 *
 * Command line: {@code /usr/bin/carbon-cache --config=<workDir>/conf/carbon.conf --nodaemon
 * --pidfile=<workDir>/run/carbon-cache.pid start}. With {@code --nodaemon} the process started here
 * (python3 running /usr/bin/carbon-cache) IS the server; twistd does not fork.
 * Override binaries with {@code -Dit.carbon.cache.bin=...} and {@code -Dit.whisper.fetch.bin=...}.
 *
 * <p>Storage schema: every metric {@code 1s:6h}; aggregation average, xFilesFactor 0.
 * Carbon caches datapoints and writes whisper files asynchronously (up to ~1.1 s later: its writer sleeps 1 s
 * whenever the cache was empty),
 * so use {@link #awaitDatapoints} rather than {@link #fetch} right after sending.
 */
public final class CarbonServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path workDir;
    private final int linePort;
    private final int picklePort;
    private final int queryPort;
    private Process process;
    private boolean shutdownHookRegistered;

    private CarbonServer(Path workDir, int linePort, int picklePort, int queryPort) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.linePort = linePort;
        this.picklePort = picklePort;
        this.queryPort = queryPort;
    }

    public static CarbonServer at(Path workDir, int linePort, int picklePort, int queryPort) {
        return new CarbonServer(workDir, linePort, picklePort, queryPort);
    }

    public int linePort() {
        return linePort;
    }

    public int picklePort() {
        return picklePort;
    }

    public int queryPort() {
        return queryPort;
    }

    public Path workDir() {
        return workDir;
    }

    public Path configFile() {
        return workDir.resolve("conf").resolve("carbon.conf");
    }

    public Path whisperDir() {
        return workDir.resolve("storage").resolve("whisper");
    }

    public Path logFile() {
        return workDir.resolve("carbon-cache.log");
    }

    private Path pidFile() {
        return workDir.resolve("run").resolve("carbon-cache.pid");
    }

    /** Our own record of the child's PID (carbon removes its pidfile on clean shutdown). */
    private Path javaPidFile() {
        return workDir.resolve("carbon-cache.child.pid");
    }

    /** Whatever started it, a server still running when the JVM exits normally is stopped by a shutdown hook. */
    private void registerShutdownHook() {
        if (!shutdownHookRegistered) {
            ProcessSupport.stopAtJvmExit("stop-carbon", this::stop);
            shutdownHookRegistered = true;
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    /**
     * Starts carbon-cache and blocks until the line and pickle ports (and the cache query port) accept TCP
     * connections (timeout 30 s). No-op if already running. Fails fast if a port is taken.
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Path conf = configFile().getParent();
        try {
            Files.createDirectories(workDir);
            ProcessSupport.stopStaleProcess(javaPidFile(), configFile().toString());
            ProcessSupport.requirePortsFree("carbon-cache", new String[] {"line receiver", "pickle receiver", "cache query"},
                    new int[] {linePort, picklePort, queryPort});
            Files.createDirectories(conf);
            Files.createDirectories(whisperDir());
            Files.createDirectories(workDir.resolve("storage").resolve("lists"));
            Files.createDirectories(workDir.resolve("log"));
            Files.createDirectories(workDir.resolve("run"));
            Files.writeString(configFile(), carbonConf(), StandardCharsets.UTF_8);
            Files.writeString(conf.resolve("storage-schemas.conf"),
                    "# generated by " + CarbonServer.class.getName() + "\n"
                            + "[default]\npattern = .*\nretentions = 1s:6h\n", StandardCharsets.UTF_8);
            Files.writeString(conf.resolve("storage-aggregation.conf"),
                    "# generated by " + CarbonServer.class.getName() + "\n"
                            + "[default]\npattern = .*\nxFilesFactor = 0\naggregationMethod = average\n",
                    StandardCharsets.UTF_8);
            // A pidfile left by a killed carbon makes "start" refuse to run if that PID now belongs to any live
            // process ("already running"). It is in our private work dir and its owner is gone: remove it.
            ProcessSupport.deleteQuietly(pidFile());

            String bin = ProcessSupport.executable("it.carbon.cache.bin", "/usr/bin/carbon-cache", "carbon-cache");
            List<String> cmd = List.of(bin, "--config=" + configFile(), "--nodaemon", "--pidfile=" + pidFile(), "start");
            Files.writeString(logFile(), "==== starting " + String.join(" ", cmd) + " at " + Instant.now() + " ====\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Map<String, String> env = pb.environment();
            // these would override paths of the generated config
            env.remove("GRAPHITE_ROOT");
            env.remove("GRAPHITE_CONF_DIR");
            env.remove("GRAPHITE_STORAGE_DIR");
            env.put("PYTHONUNBUFFERED", "1");
            env.put("PYTHONWARNINGS", "ignore"); // twisted.conch CryptographyDeprecationWarning noise
            registerShutdownHook();
            process = pb.start();
            ProcessSupport.writePidFile(javaPidFile(), process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start carbon-cache in " + workDir, e);
        }
        awaitPorts();
    }

    private void awaitPorts() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int rc = process.exitValue();
                process = null;
                ProcessSupport.deleteQuietly(javaPidFile());
                throw new IllegalStateException("carbon-cache exited with code " + rc + " during startup\n"
                        + ProcessSupport.tail(logFile(), 60));
            }
            if (ProcessSupport.acceptsConnections(linePort) && ProcessSupport.acceptsConnections(picklePort)
                    && ProcessSupport.acceptsConnections(queryPort)) {
                return;
            }
            ProcessSupport.sleep(100);
        }
        ProcessSupport.stopProcess(process, STOP_TIMEOUT);
        process = null;
        ProcessSupport.deleteQuietly(javaPidFile());
        throw new IllegalStateException("carbon-cache did not open ports " + linePort + "/" + picklePort + "/" + queryPort
                + " within " + START_TIMEOUT.toSeconds() + " s\n" + ProcessSupport.tail(logFile(), 60));
    }

    /**
     * Lets carbon write what it has cached ({@link #awaitWhisperQuiet}), then SIGTERM to the carbon-cache this object
     * started (SIGKILL after 30 s), waits for exit and for the ports to close.
     *
     * <p>Why the wait: carbon-cache 1.1.7 does NOT flush its cache on SIGTERM; datapoints received but not yet
     * written (its writer thread sleeps 1 s whenever the cache was empty) are lost.
     */
    public void stop() {
        stop(true);
    }

    /** {@code stop(false)} skips the cache drain: datapoints not yet in whisper are lost, like a crash. */
    public synchronized void stop(boolean drainCache) {
        if (process == null) {
            return;
        }
        if (drainCache && process.isAlive()) {
            awaitWhisperQuiet(Duration.ofMillis(1500), Duration.ofSeconds(15));
        }
        ProcessSupport.stopProcess(process, STOP_TIMEOUT);
        process = null;
        ProcessSupport.deleteQuietly(javaPidFile());
        if (!ProcessSupport.awaitPortsClosed(Duration.ofSeconds(15), linePort, picklePort, queryPort)) {
            throw new IllegalStateException("carbon-cache exited but its ports still accept connections");
        }
    }

    /**
     * Deletes all whisper files. Only while stopped; a leftover carbon-cache from a killed earlier JVM
     * (recorded PID whose command line names our config file) is stopped first.
     */
    public synchronized void deleteData() {
        if (isRunning()) {
            throw new IllegalStateException("stop carbon-cache before deleting its data");
        }
        ProcessSupport.stopStaleProcess(javaPidFile(), configFile().toString());
        ProcessSupport.deleteTree(whisperDir());
    }

    private String carbonConf() {
        String w = workDir.toString();
        String ip = ProcessSupport.LOOPBACK;
        return String.join("\n",
                "# generated by " + CarbonServer.class.getName(),
                "[cache]",
                "STORAGE_DIR = " + w + "/storage/",
                "LOCAL_DATA_DIR = " + w + "/storage/whisper/",
                "WHITELISTS_DIR = " + w + "/storage/lists/",
                "LOG_DIR = " + w + "/log/",
                "PID_DIR = " + w + "/run/",
                "DATABASE = whisper",
                "ENABLE_LOGROTATION = False",
                // no USER: Debian's /etc/carbon/carbon.conf has USER = _graphite (switching needs root)
                "MAX_CACHE_SIZE = inf",
                // tests want each point on disk at once; the load benchmark runs carbon's shipped default (500)
                "MAX_UPDATES_PER_SECOND = " + System.getProperty("it.carbon.max_updates_per_second", "inf"),
                "MAX_CREATES_PER_MINUTE = inf",
                "MIN_TIMESTAMP_RESOLUTION = 1",
                "LINE_RECEIVER_INTERFACE = " + ip,
                "LINE_RECEIVER_PORT = " + linePort,
                "ENABLE_UDP_LISTENER = False",
                "UDP_RECEIVER_INTERFACE = " + ip,
                "UDP_RECEIVER_PORT = " + linePort,
                "PICKLE_RECEIVER_INTERFACE = " + ip,
                "PICKLE_RECEIVER_PORT = " + picklePort,
                "PICKLE_RECEIVER_MAX_LENGTH = 1048576",
                "USE_INSECURE_UNPICKLER = False",
                "CACHE_QUERY_INTERFACE = " + ip,
                "CACHE_QUERY_PORT = " + queryPort,
                "USE_FLOW_CONTROL = True",
                "CACHE_WRITE_STRATEGY = sorted",
                "WHISPER_AUTOFLUSH = False",
                "WHISPER_SPARSE_CREATE = True",
                "WHISPER_FALLOCATE_CREATE = False",
                // default would try to POST every new metric to graphite-web at 127.0.0.1:80 (and log errors)
                "ENABLE_TAGS = False",
                // no carbon.agents.* self-metrics in the whisper dir, unless asked for (the benchmark counts a peer's points)
                "CARBON_METRIC_INTERVAL = " + System.getProperty("it.carbon.metric_interval", "0"),
                "ENABLE_MANHOLE = False",
                "ENABLE_AMQP = False",
                "LOG_LISTENER_CONN_SUCCESS = False",
                "LOG_CACHE_QUEUE_SORTS = False",
                "LOG_CACHE_HITS = False",
                "LOG_UPDATES = False",
                "LOG_CREATES = True",
                "") + "\n";
    }

    // ------------------------------------------------------------------------------------------------------------
    // sending

    /** Sends Graphite plaintext lines ("path value timestamp", newline appended if missing) to the line port. */
    public void sendLines(String... lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l);
            if (!l.endsWith("\n")) {
                b.append('\n');
            }
        }
        sendRaw(linePort, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one pickle frame (see {@link GraphitePickle}) to the pickle port. */
    public void sendPickle(List<GraphitePickle.Datapoint> datapoints) throws IOException {
        sendRaw(picklePort, GraphitePickle.frame(datapoints));
    }

    /** Opens a TCP connection to 127.0.0.1:port, writes the bytes, closes (sending FIN). */
    public static void sendRaw(int port, byte[] bytes) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ProcessSupport.LOOPBACK, port), 5000);
            OutputStream out = s.getOutputStream();
            out.write(bytes);
            out.flush();
            s.shutdownOutput();
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // reading whisper files

    /**
     * Waits until no whisper file has been created or modified for {@code quietPeriod} (at most {@code maxWait}).
     * Carbon's writer wakes at least once a second and then writes its whole cache, so a quiet period of 1.5 s
     * after the last datapoint was sent means everything sent so far is on disk. Returns false on maxWait.
     */
    public boolean awaitWhisperQuiet(Duration quietPeriod, Duration maxWait) {
        long start = System.nanoTime();
        long lastChange = start;
        Map<Path, String> before = whisperState();
        while (true) {
            ProcessSupport.sleep(100);
            long now = System.nanoTime();
            Map<Path, String> after = whisperState();
            if (!after.equals(before)) {
                lastChange = now;
                before = after;
            }
            if (now - lastChange >= quietPeriod.toNanos()) {
                return true;
            }
            if (now - start >= maxWait.toNanos()) {
                return false;
            }
        }
    }

    private Map<Path, String> whisperState() {
        Map<Path, String> state = new TreeMap<>();
        Path dir = whisperDir();
        if (!Files.isDirectory(dir)) {
            return state;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".wsp")).forEach(p -> {
                try {
                    state.put(p, Files.getLastModifiedTime(p).toMillis() + "/" + Files.size(p) + "/"
                            + Files.getLastModifiedTime(p).toInstant().getNano());
                } catch (IOException e) {
                    state.put(p, "?");
                }
            });
        } catch (IOException | UncheckedIOException e) {
            state.put(dir, "walk failed " + System.nanoTime()); // counts as a change; retried
        }
        return state;
    }

    /**
     * How many datapoints carbon's receivers took from {@code fromEpochSec} to {@code untilEpochSec}, from its own
     * {@code carbon.agents.*.metricsReceived} counter; needs {@code -Dit.carbon.metric_interval} (seconds) set.
     */
    public long metricsReceived(long fromEpochSec, long untilEpochSec) {
        return metricPaths().stream().filter(path -> path.startsWith("carbon.agents.") && path.endsWith(".metricsReceived"))
                .mapToLong(path -> fetch(path, fromEpochSec, untilEpochSec).values().stream().mapToLong(Double::longValue).sum())
                .sum();
    }

    /** {@code a.b.c} -&gt; {@code <whisperDir>/a/b/c.wsp} */
    public Path whisperFile(String metricPath) {
        if (metricPath == null || metricPath.isEmpty() || metricPath.startsWith(".") || metricPath.endsWith(".")
                || metricPath.contains("..") || metricPath.contains("/")) {
            throw new IllegalArgumentException("not a dotted metric path: '" + metricPath + "'");
        }
        return whisperDir().resolve(metricPath.replace('.', '/') + ".wsp");
    }

    /** All metrics that have a whisper file, as sorted dotted paths. */
    public List<String> metricPaths() {
        Path dir = whisperDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".wsp"))
                    .forEach(p -> {
                        String rel = dir.relativize(p).toString();
                        rel = rel.substring(0, rel.length() - ".wsp".length());
                        out.add(rel.replace(p.getFileSystem().getSeparator(), "."));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Collections.sort(out);
        return out;
    }

    /**
     * Non-null datapoints of the metric with {@code fromEpochSec <= timestamp <= untilEpochSec}, read with
     * {@code whisper-fetch --json}; empty if the whisper file does not exist (yet).
     *
     * <p>whisper's own range is (from, until] (from exclusive), so this passes {@code from - 1}. whisper also clips
     * {@code until} to "now" and reports nothing at all for a range entirely in the future or older than the
     * retention (6 h) - points with future timestamps cannot be read back until that time has come.
     */
    public Map<Long, Double> fetch(String metricPath, long fromEpochSec, long untilEpochSec) {
        Path file = whisperFile(metricPath);
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        String bin = ProcessSupport.executable("it.whisper.fetch.bin", "/usr/bin/whisper-fetch", "whisper-fetch");
        ProcessBuilder pb = new ProcessBuilder(bin, "--from=" + (fromEpochSec - 1), "--until=" + untilEpochSec,
                "--json", file.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("PYTHONWARNINGS", "ignore");
        String out;
        String err;
        int rc;
        try {
            Process p = pb.start();
            CompletableFuture<String> errF = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            out = readAll(p.getInputStream());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("whisper-fetch timed out for " + file);
            }
            rc = p.exitValue();
            err = errF.join();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + bin, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (rc != 0) {
            if (err.contains("No data in selected timerange")) {
                return new TreeMap<>();
            }
            throw new IllegalStateException("whisper-fetch " + file + " failed (rc " + rc + "): " + err.trim() + " " + out.trim());
        }
        return parseWhisperJson(out, fromEpochSec, untilEpochSec);
    }

    @SuppressWarnings("unchecked")
    static Map<Long, Double> parseWhisperJson(String json, long from, long until) {
        // {"start" : 1700000000, "end" : 1700000004, "step" : 1, "values" : [null, 42.5, ...]}
        Map<String, Object> m = JsonValues.parseObject(json);
        long start = ((Number) m.get("start")).longValue();
        long step = ((Number) m.get("step")).longValue();
        List<Object> values = (List<Object>) m.get("values");
        Map<Long, Double> out = new TreeMap<>();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            long ts = start + i * step;
            if (v != null && ts >= from && ts <= until) {
                out.put(ts, ((Number) v).doubleValue());
            }
        }
        return out;
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls {@link #fetch} (every 200 ms) until at least {@code expectedCount} datapoints are present or the timeout
     * passes, then returns what is there. A whisper file caught half-created counts as "not yet".
     */
    public Map<Long, Double> awaitDatapoints(String metricPath, long fromEpochSec, long untilEpochSec, int expectedCount,
                                             Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<Long, Double> points;
            RuntimeException failure = null;
            try {
                points = fetch(metricPath, fromEpochSec, untilEpochSec);
            } catch (RuntimeException e) {
                points = new TreeMap<>();
                failure = e;
            }
            if (points.size() >= expectedCount) {
                return points;
            }
            if (System.nanoTime() > deadline) {
                if (failure != null) {
                    throw failure;
                }
                return points;
            }
            ProcessSupport.sleep(200);
        }
    }

    @Override
    public String toString() {
        return "CarbonServer[line " + linePort + ", pickle " + picklePort + ", query " + queryPort + ", " + workDir
                + (isRunning() ? ", running pid " + pid() : ", stopped") + "]";
    }
}
