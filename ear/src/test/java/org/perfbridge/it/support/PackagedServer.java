package org.perfbridge.it.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.glassfish.jersey.SslConfigurator;

/**
 * A server from a Debian package, started as a child of this JVM on 127.0.0.1 with its own config and data under one work
 * directory, its output appended to {@code <name>.log} there. It is stopped by the process this object started, never by
 * name, at the latest when the JVM shuts down.
 */
abstract class PackagedServer {

    static final String LOOPBACK = "127.0.0.1";

    final Path workDir;
    private final String name;
    private final Path config;
    private final Path log;
    private final List<Path> dataDirs;
    private final Duration startTimeout;
    private final int[] ports;
    private Process process;

    PackagedServer(String name, Path workDir, String config, List<String> dataDirs, Duration startTimeout, int... ports) {
        this.name = name;
        this.workDir = workDir.toAbsolutePath().normalize();
        this.config = this.workDir.resolve(config);
        this.log = this.workDir.resolve(name + ".log");
        this.dataDirs = dataDirs.stream().map(this.workDir::resolve).toList();
        this.startTimeout = startTimeout;
        this.ports = ports;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop-" + name));
    }

    /** Writes the config file and what else the server needs in the work dir; returns the command that runs the server. */
    abstract ProcessBuilder prepare(Path config) throws IOException;

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** -1 when stopped. */
    public synchronized long pid() {
        return isRunning() ? process.pid() : -1;
    }

    /** Returns once each port accepts connections; a port taken before the start fails it. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        try {
            Files.createDirectories(workDir);
            if (anyPortOpen()) {
                throw new IllegalStateException("cannot start " + name + ": one of its ports " + Arrays.toString(ports)
                        + " is in use on " + LOOPBACK + " (by a stale process from an earlier run? ss -ltnp tells)");
            }
            process = prepare(config).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectInput(new File("/dev/null")).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " in " + workDir, e);
        }
        if (!poll(() -> !process.isAlive() || Arrays.stream(ports).allMatch(PackagedServer::acceptsConnections), done -> done,
                startTimeout, 100) || !process.isAlive()) {
            String failure = process.isAlive() ? "did not open its ports within " + startTimeout.toSeconds() + " s"
                    : "exited with " + process.exitValue();
            end();
            throw new IllegalStateException(name + " " + failure + "; the end of " + log + ":\n" + tail());
        }
    }

    /** SIGTERM, SIGKILL after 30 s; returns once the ports are closed. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        end();
        if (poll(this::anyPortOpen, open -> !open, Duration.ofSeconds(15), 100)) {
            throw new IllegalStateException(name + " exited but one of its ports " + Arrays.toString(ports)
                    + " still accepts connections");
        }
    }

    /** Only while stopped. */
    public synchronized void deleteData() {
        if (isRunning()) {
            throw new IllegalStateException("stop " + name + " before deleting its data");
        }
        dataDirs.forEach(PackagedServer::deleteTree);
    }

    private void end() {
        process.destroy();
        if (process.onExit().completeOnTimeout(null, 30, TimeUnit.SECONDS).join() == null) {
            process.destroyForcibly().onExit().join();
        }
        process = null;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private boolean anyPortOpen() {
        return Arrays.stream(ports).anyMatch(PackagedServer::acceptsConnections);
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command to its end; what it wrote, errors included, or an {@link IllegalStateException} saying so if it failed. */
    static String run(ProcessBuilder command) {
        try {
            Process running = command.redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
            String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (running.onExit().join().exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command.command()) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.command(), e);
        }
    }

    /**
     * What {@code attempt} gives once it is {@code enough}, or at the timeout whatever it gives then. An attempt that fails
     * counts as "not yet", unless it is the last: then its exception is thrown.
     */
    static <T> T poll(Supplier<T> attempt, Predicate<T> enough, Duration timeout, long intervalMillis) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean last = System.nanoTime() > deadline;
            try {
                T result = attempt.get();
                if (last || enough.test(result)) {
                    return result;
                }
            } catch (RuntimeException e) {
                if (last) {
                    throw e;
                }
            }
            sleep(intervalMillis);
        }
    }

    static SSLContext trusting(Path pemCertificate) {
        try (InputStream pem = Files.newInputStream(pemCertificate)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("trusted", CertificateFactory.getInstance("X.509").generateCertificate(pem));
            return SslConfigurator.newInstance().trustStore(trusted).createSSLContext();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust " + pemCertificate, e);
        }
    }

    /** A file, or a directory and all it holds; a missing one is fine. */
    static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
