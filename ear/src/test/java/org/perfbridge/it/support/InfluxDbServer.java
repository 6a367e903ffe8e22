package org.perfbridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real InfluxDB 1.x ({@code influxd}, Debian package {@code influxdb}) started as a child
 * process of the test JVM, listening only on 127.0.0.1, with all state under one work directory:
 *
 * <pre>
 * workDir/influxdb.conf   generated config
 * workDir/meta, data, wal InfluxDB storage (kept across stop()/start())
 * workDir/influxd.log     stdout+stderr of influxd (its log goes to stderr)
 * workDir/influxd.pid     "childPid jvmPid" of the running child (to clean up after a killed JVM)
 * </pre>
 *
 * Command line: {@code /usr/bin/influxd -config <workDir>/influxdb.conf}
 * (override the binary with {@code -Dit.influxd.bin=...}).
 *
 * <p>Write-side helpers ({@link #write}, {@link #execute}, {@link #createDatabase}) throw {@link IOException}
 * ({@link java.net.ConnectException} when the server is down); read-side helpers ({@link #query},
 * {@link #seriesColumns}, {@link #querySeries}, {@link #awaitRows}) throw unchecked exceptions.
 */
public final class InfluxDbServer {

    /** One series of an InfluxQL result. */
    public record Series(String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Path workDir;
    private final int httpPort;
    private final int rpcPort;
    /** PEM certificate and key when the HTTP API is served over TLS; null for plain HTTP. */
    private final Path tlsCertificate;
    private final Path tlsKey;
    private Process process;
    private boolean shutdownHookRegistered;
    private HttpClient http;

    private InfluxDbServer(Path workDir, int httpPort, int rpcPort, Path tlsCertificate, Path tlsKey) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.httpPort = httpPort;
        this.rpcPort = rpcPort;
        this.tlsCertificate = tlsCertificate;
        this.tlsKey = tlsKey;
    }

    /** The HTTP API over TLS (https), with the given PEM certificate and private key. */
    public static InfluxDbServer overTls(Path workDir, int httpsPort, int rpcPort, Path certificate, Path key) {
        return new InfluxDbServer(workDir, httpsPort, rpcPort, certificate.toAbsolutePath(), key.toAbsolutePath());
    }

    /** HTTP API on 127.0.0.1:httpPort, RPC (backup/restore) service on 127.0.0.1:httpPort+2. */
    public static InfluxDbServer at(Path workDir, int httpPort) {
        return new InfluxDbServer(workDir, httpPort, httpPort + 2, null, null);
    }

    public static InfluxDbServer at(Path workDir, int httpPort, int rpcPort) {
        return new InfluxDbServer(workDir, httpPort, rpcPort, null, null);
    }

    public int port() {
        return httpPort;
    }

    public int rpcPort() {
        return rpcPort;
    }

    /** e.g. {@code http://127.0.0.1:18086} */
    public String url() {
        return (tlsCertificate == null ? "http://" : "https://") + ProcessSupport.LOOPBACK + ":" + httpPort;
    }

    public Path workDir() {
        return workDir;
    }

    public Path configFile() {
        return workDir.resolve("influxdb.conf");
    }

    public Path logFile() {
        return workDir.resolve("influxd.log");
    }

    private Path pidFile() {
        return workDir.resolve("influxd.pid");
    }

    /** Whatever started it, a server still running when the JVM exits normally is stopped by a shutdown hook. */
    private void registerShutdownHook() {
        if (!shutdownHookRegistered) {
            ProcessSupport.stopAtJvmExit("stop-influxdb", this::stop);
            shutdownHookRegistered = true;
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** PID of the running influxd, or -1. */
    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    /**
     * Starts influxd and blocks until {@code GET /ping} answers 204 (timeout 30 s).
     * No-op if already running. Fails fast if one of the ports is taken.
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(workDir);
            ProcessSupport.stopStaleProcess(pidFile(), configFile().toString());
            ProcessSupport.requirePortsFree("InfluxDB", new String[] {"HTTP", "RPC"}, new int[] {httpPort, rpcPort});
            for (String d : new String[] {"meta", "data", "wal"}) {
                Files.createDirectories(workDir.resolve(d));
            }
            Files.writeString(configFile(), config(), StandardCharsets.UTF_8);
            String bin = ProcessSupport.executable("it.influxd.bin", "/usr/bin/influxd", "influxd");
            Files.writeString(logFile(), "==== starting " + bin + " -config " + configFile() + " at "
                    + java.time.Instant.now() + " ====\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(bin, "-config", configFile().toString())
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().remove("INFLUXDB_CONFIG_PATH");
            // influxd maps INFLUXDB_* environment variables onto config keys; don't let the caller's env leak in
            pb.environment().keySet().removeIf(k -> k.startsWith("INFLUXDB_"));
            registerShutdownHook();
            process = pb.start();
            http = newHttpClient();
            ProcessSupport.writePidFile(pidFile(), process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start influxd in " + workDir, e);
        }
        awaitPing();
    }

    private void awaitPing() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no attempt";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                int rc = process.exitValue();
                process = null;
                ProcessSupport.deleteQuietly(pidFile());
                throw new IllegalStateException("influxd exited with code " + rc + " during startup\n"
                        + ProcessSupport.tail(logFile(), 60));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/ping"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 204) {
                    return;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            ProcessSupport.sleep(100);
        }
        ProcessSupport.stopProcess(process, STOP_TIMEOUT);
        process = null;
        ProcessSupport.deleteQuietly(pidFile());
        throw new IllegalStateException("influxd did not answer GET /ping with 204 on port " + httpPort + " within "
                + START_TIMEOUT.toSeconds() + " s (last: " + last + ")\n" + ProcessSupport.tail(logFile(), 60));
    }

    /** SIGTERM (SIGKILL after 20 s) to the influxd this object started, waits for exit and for the ports to close. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessSupport.stopProcess(process, STOP_TIMEOUT);
        process = null;
        ProcessSupport.deleteQuietly(pidFile());
        if (!ProcessSupport.awaitPortsClosed(Duration.ofSeconds(15), httpPort, rpcPort)) {
            throw new IllegalStateException("influxd exited but port " + httpPort + "/" + rpcPort + " still accepts connections");
        }
    }

    /**
     * Deletes all InfluxDB data (meta, data, wal) under the work dir. Only while stopped; a leftover influxd
     * from a killed earlier JVM (recorded PID whose command line names our config file) is stopped first.
     */
    public synchronized void deleteData() {
        if (isRunning()) {
            throw new IllegalStateException("stop InfluxDB before deleting its data");
        }
        ProcessSupport.stopStaleProcess(pidFile(), configFile().toString());
        for (String d : new String[] {"meta", "data", "wal"}) {
            ProcessSupport.deleteTree(workDir.resolve(d));
        }
    }

    private String config() {
        String dir = workDir.toString().replace("\\", "\\\\").replace("\"", "\\\"");
        return String.join("\n",
                "# generated by " + InfluxDbServer.class.getName(),
                "# Debian's build knows 'reporting-enabled', upstream 'reporting-disabled'; unknown keys are ignored",
                "reporting-enabled = false",
                "reporting-disabled = true",
                "bind-address = \"" + ProcessSupport.LOOPBACK + ":" + rpcPort + "\"",
                "",
                "[meta]",
                "  dir = \"" + dir + "/meta\"",
                "  retention-autocreate = true",
                "  logging-enabled = false",
                "",
                "[data]",
                "  dir = \"" + dir + "/data\"",
                "  wal-dir = \"" + dir + "/wal\"",
                "  wal-fsync-delay = \"0s\"",
                "  query-log-enabled = false",
                "",
                "[monitor]",
                "  store-enabled = false",
                "",
                "[http]",
                "  enabled = true",
                "  bind-address = \"" + ProcessSupport.LOOPBACK + ":" + httpPort + "\"",
                "  auth-enabled = false",
                "  log-enabled = false",
                "  pprof-enabled = false",
                "  unix-socket-enabled = false",
                tlsCertificate == null ? "  https-enabled = false" : "  https-enabled = true",
                tlsCertificate == null ? "" : "  https-certificate = \"" + tlsCertificate + "\"",
                tlsCertificate == null ? "" : "  https-private-key = \"" + tlsKey + "\"",
                "",
                "[ifql]",
                "  enabled = false",
                "",
                "[logging]",
                "  level = \"warn\"",
                "  suppress-logo = true",
                "",
                "[continuous_queries]",
                "  log-enabled = false",
                "",
                "[subscriber]",
                "  enabled = true",
                "") + "\n";
    }

    // ------------------------------------------------------------------------------------------------------------
    // HTTP API helpers

    private HttpClient client() {
        HttpClient c;
        synchronized (this) {
            c = http;
        }
        if (c == null) {
            // never started in this JVM: still allow talking to the port (requests will fail with ConnectException)
            synchronized (this) {
                if (http == null) {
                    http = newHttpClient();
                }
                c = http;
            }
        }
        return c;
    }

    /** Over TLS the test side trusts the server's test certificate, whatever it is: it checks the server, not TLS. */
    private HttpClient newHttpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
        if (tlsCertificate != null) {
            builder.sslContext(ProcessSupport.trustingEveryCertificate());
        }
        return builder.build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * POST /write?db=..&amp;precision=s with line-protocol body. Throws {@link java.net.ConnectException}
     * when the server is down, {@link IllegalStateException} on a non-2xx answer.
     */
    public void write(String database, String lineProtocol) throws IOException {
        write(database, "s", lineProtocol);
    }

    /** Same as {@link #write(String, String)} with an explicit precision (n, u, ms, s, m, h). */
    public void write(String database, String precision, String lineProtocol) throws IOException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url() + "/write?db=" + enc(database)
                        + "&precision=" + enc(precision)))
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(lineProtocol, StandardCharsets.UTF_8))
                .build());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("InfluxDB write to " + database + " failed: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** POST /query?q=.. for statements that change state (CREATE DATABASE, DROP ...). Returns the raw JSON. */
    public String execute(String influxQl) throws IOException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url() + "/query?q=" + enc(influxQl)))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        String error = statusOrStatementError(r);
        if (error != null) {
            throw new IllegalStateException("InfluxQL '" + influxQl + "' failed: " + error);
        }
        return r.body();
    }

    public void createDatabase(String database) throws IOException {
        execute("CREATE DATABASE \"" + database.replace("\"", "\\\"") + "\"");
    }

    /** Raw JSON of GET /query?db=..&amp;q=..&amp;epoch=s (no error checking). */
    public String queryJson(String database, String influxQl) throws IOException {
        String uri = url() + "/query?epoch=s&q=" + enc(influxQl) + (database == null ? "" : "&db=" + enc(database));
        return send(HttpRequest.newBuilder(URI.create(uri)).timeout(REQUEST_TIMEOUT).GET().build()).body();
    }

    /**
     * All series of the first statement's result of GET /query?db=..&amp;q=..&amp;epoch=s
     * (time column as epoch seconds). Throws {@link IllegalStateException} if InfluxDB reports an error
     * (e.g. "database not found"), {@link UncheckedIOException} if it cannot be reached.
     */
    @SuppressWarnings("unchecked")
    public List<Series> querySeries(String database, String influxQl) {
        String uri = url() + "/query?epoch=s&q=" + enc(influxQl) + (database == null ? "" : "&db=" + enc(database));
        HttpResponse<String> r;
        try {
            r = send(HttpRequest.newBuilder(URI.create(uri)).timeout(REQUEST_TIMEOUT).GET().build());
        } catch (IOException e) {
            throw new UncheckedIOException("InfluxDB at " + url() + " not reachable: " + e, e);
        }
        String error = statusOrStatementError(r);
        if (error != null) {
            throw new IllegalStateException("InfluxQL '" + influxQl + "' on db '" + database + "' failed: " + error);
        }
        Map<String, Object> root = JsonValues.parseObject(r.body());
        List<Object> results = (List<Object>) root.getOrDefault("results", List.of());
        if (results.isEmpty()) {
            return List.of();
        }
        Map<String, Object> first = (Map<String, Object>) results.get(0);
        List<Object> series = (List<Object>) first.getOrDefault("series", List.of());
        List<Series> out = new ArrayList<>();
        for (Object o : series) {
            Map<String, Object> s = (Map<String, Object>) o;
            Map<String, String> tags = new LinkedHashMap<>();
            Object t = s.get("tags");
            if (t instanceof Map) {
                ((Map<String, Object>) t).forEach((k, v) -> tags.put(k, v == null ? null : v.toString()));
            }
            List<String> columns = new ArrayList<>();
            for (Object c : (List<Object>) s.getOrDefault("columns", List.of())) {
                columns.add((String) c);
            }
            List<List<Object>> values = new ArrayList<>();
            for (Object row : (List<Object>) s.getOrDefault("values", List.of())) {
                values.add(Collections.unmodifiableList((List<Object>) row));
            }
            out.add(new Series((String) s.get("name"), Collections.unmodifiableMap(tags),
                    Collections.unmodifiableList(columns), Collections.unmodifiableList(values)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The "values" rows of the first series of the first result (empty list if there is none).
     * Each row is a list whose first element is the time in epoch seconds ({@code Long});
     * numbers are {@code Long} if JSON has no fraction/exponent (InfluxDB prints float 42.0 as 42!),
     * else {@code Double} - compare via {@code ((Number) v).doubleValue()}.
     */
    public List<List<Object>> query(String database, String influxQl) {
        List<Series> s = querySeries(database, influxQl);
        return s.isEmpty() ? List.of() : s.get(0).values();
    }

    /** The "columns" of the first series of the first result (empty list if there is none). */
    public List<String> seriesColumns(String database, String influxQl) {
        List<Series> s = querySeries(database, influxQl);
        return s.isEmpty() ? List.of() : s.get(0).columns();
    }

    /**
     * Polls {@link #query} (every 100 ms) until it returns at least {@code expectedCount} rows or the timeout
     * passes; then returns what is there. Errors such as "database not found" count as "not yet"; if the very
     * last attempt failed, its exception is rethrown.
     */
    public List<List<Object>> awaitRows(String database, String influxQl, int expectedCount, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<List<Object>> rows;
            RuntimeException failure = null;
            try {
                rows = query(database, influxQl);
            } catch (RuntimeException e) {
                rows = List.of();
                failure = e;
            }
            if (rows.size() >= expectedCount) {
                return rows;
            }
            if (System.nanoTime() > deadline) {
                if (failure != null) {
                    throw failure;
                }
                return rows;
            }
            ProcessSupport.sleep(100);
        }
    }

    @SuppressWarnings("unchecked")
    private static String statusOrStatementError(HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body();
        Map<String, Object> root = null;
        try {
            if (!body.isBlank()) {
                root = JsonValues.parseObject(body);
            }
        } catch (IllegalArgumentException e) {
            // not JSON
        }
        if (root != null && root.get("error") != null) {
            return "HTTP " + r.statusCode() + ": " + root.get("error");
        }
        if (r.statusCode() / 100 != 2) {
            return "HTTP " + r.statusCode() + ": " + JsonValues.abbreviate(body);
        }
        if (root != null && root.get("results") instanceof List) {
            for (Object res : (List<Object>) root.get("results")) {
                if (res instanceof Map && ((Map<String, Object>) res).get("error") != null) {
                    return String.valueOf(((Map<String, Object>) res).get("error"));
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "InfluxDbServer[" + url() + ", rpc " + rpcPort + ", " + workDir + (isRunning() ? ", running pid " + pid() : ", stopped") + "]";
    }
}
