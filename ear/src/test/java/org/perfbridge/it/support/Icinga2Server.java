package org.perfbridge.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The peer of the load benchmark: a real Icinga 2 (Debian package {@code icinga2-bin}) started in the foreground as a
 * child of this JVM, with its REST API on 127.0.0.1 only and its Graphite and InfluxDB writers pointed at the same
 * carbon and InfluxDB as perfbridge. It knows 1,000 passive hosts × 10 services ({@code bench-host-N!svc-M}), like
 * the benchmark's load. Everything lives under one work directory, which is emptied at each start.
 */
public final class Icinga2Server {

    public static final String USER = "bench";
    public static final String PASSWORD = "bench-pass";

    private final Path workDir;
    private final int apiPort;
    private final String influxDatabase;
    private Process process;
    private boolean shutdownHookRegistered;

    public Icinga2Server(Path workDir, int apiPort, String influxDatabase) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.apiPort = apiPort;
        this.influxDatabase = influxDatabase;
    }

    public int apiPort() {
        return apiPort;
    }

    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    private Path configFile() {
        return workDir.resolve("icinga2.conf");
    }

    /** Our own record of the daemon's PID, for a later run to stop it should this JVM die first. */
    private Path pidFile() {
        return workDir.resolve("icinga2.child.pid");
    }

    private Path logFile() {
        return workDir.resolve("icinga2.out");
    }

    /** Writes the configuration and a certificate for the API, starts the daemon and waits until the API answers. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            ProcessSupport.stopStaleProcess(pidFile(), configFile().toString());
            ProcessSupport.requirePortsFree("icinga2", new String[] {"API"}, new int[] {apiPort});
            ProcessSupport.deleteTree(workDir);
            for (String dir : List.of("lib/certs", "log", "cache", "spool", "run")) {
                Files.createDirectories(workDir.resolve(dir));
            }
            Files.writeString(configFile(), config(), StandardCharsets.UTF_8);
            createApiCertificate(workDir.resolve("lib/certs"));
            List<String> command = new ArrayList<>(List.of(
                    ProcessSupport.executable("it.icinga2.bin", "/usr/sbin/icinga2", "icinga2"), "daemon", "-c", configFile().toString()));
            for (String[] define : new String[][] {{"DataDir", "lib"}, {"LogDir", "log"}, {"CacheDir", "cache"},
                    {"SpoolDir", "spool"}, {"InitRunDir", "run"}}) {
                command.add("-D" + define[0] + "=" + workDir.resolve(define[1]));
            }
            // the benchmark may run as root; Icinga would otherwise switch to the nagios user, who cannot write here
            String user = System.getProperty("user.name");
            command.addAll(List.of("-DRunAsUser=" + user, "-DRunAsGroup=" + group(user)));
            if (!shutdownHookRegistered) {
                ProcessSupport.stopAtJvmExit("stop-icinga2", this::stop);
                shutdownHookRegistered = true;
            }
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(logFile().toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            ProcessSupport.writePidFile(pidFile(), process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start icinga2 in " + workDir, e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ProcessSupport.acceptsConnections(apiPort)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException("icinga2 did not open its API port " + apiPort + "\n" + ProcessSupport.tail(logFile(), 40));
            }
            ProcessSupport.sleep(200);
        }
    }

    /** SIGTERM to the daemon this object started (SIGKILL after 30 s); Icinga writes what its writers still hold. */
    public synchronized void stop() {
        ProcessSupport.stopProcess(process, Duration.ofSeconds(30));
        process = null;
        ProcessSupport.awaitPortsClosed(Duration.ofSeconds(15), apiPort);
    }

    /** TLS for a client of the API: trusts the CA this server's certificate was made with, and nothing else. */
    public SSLContext clientTrustingItsCa() {
        try (InputStream ca = Files.newInputStream(workDir.resolve("lib/certs/ca.crt"))) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("bench-ca", CertificateFactory.getInstance("X.509").generateCertificate(ca));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String config() {
        return String.join("\n",
                "// generated by " + Icinga2Server.class.getName(),
                "const NodeName = \"bench\"",
                "const ZoneName = \"bench\"",
                "include <itl>",
                "object IcingaApplication \"app\" { enable_perfdata = true }",
                "object FileLogger \"main-log\" { severity = \"warning\"; path = LogDir + \"/icinga2.log\" }",
                "object Endpoint NodeName {}",
                "object Zone ZoneName { endpoints = [ NodeName ] }",
                "object ApiListener \"api\" { bind_host = \"127.0.0.1\"; bind_port = " + apiPort + " }",
                "object ApiUser \"" + USER + "\" { password = \"" + PASSWORD + "\"; permissions = [ \"actions/process-check-result\" ] }",
                "for (h in range(1000)) {",
                "  object Host \"bench-host-\" + h { check_command = \"passive\"; enable_active_checks = false }",
                "}",
                "for (s in range(10)) {",
                "  apply Service \"svc-\" + s { check_command = \"passive\"; enable_active_checks = false; assign where true }",
                "}",
                "object GraphiteWriter \"graphite\" { host = \"127.0.0.1\"; port = " + TimeseriesServers.CARBON_LINE_PORT + " }",
                "object InfluxdbWriter \"influxdb\" {",
                "  host = \"127.0.0.1\"; port = " + TimeseriesServers.INFLUXDB_HTTP_PORT + "; database = \"" + influxDatabase + "\"",
                "  host_template = { measurement = \"$host.check_command$\"; tags = { hostname = \"$host.name$\" } }",
                "  service_template = { measurement = \"$service.check_command$\"; tags = { hostname = \"$host.name$\"; service = \"$service.name$\" } }",
                "}", "");
    }

    /** A CA and the node's certificate signed by it (the API listener wants both), valid for 127.0.0.1. */
    private static void createApiCertificate(Path certs) throws IOException {
        Path extensions = certs.resolve("san.cnf");
        Files.writeString(extensions, "subjectAltName=IP:127.0.0.1,DNS:bench\n");
        openssl(certs, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=bench-ca");
        openssl(certs, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "bench.key", "-out", "bench.csr", "-subj", "/CN=bench");
        openssl(certs, "x509", "-req", "-in", "bench.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "bench.crt", "-days", "2", "-extfile", "san.cnf");
    }

    private static void openssl(Path dir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process openssl = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (openssl.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String group(String user) throws IOException {
        Process id = new ProcessBuilder("id", "-gn", user).start();
        return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
