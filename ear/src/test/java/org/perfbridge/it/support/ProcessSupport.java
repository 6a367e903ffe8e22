package org.perfbridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Small helpers shared by the server wrappers: port probing, log tails, PID files and
 * stopping a process that this code started (only ever by its own handle / recorded PID).
 */
final class ProcessSupport {

    static final String LOOPBACK = "127.0.0.1";

    private ProcessSupport() {
    }

    /** True if something accepts TCP connections on 127.0.0.1:port. */
    static boolean acceptsConnections(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LOOPBACK, port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True if 127.0.0.1:port cannot be bound right now (someone listens on it, or on the wildcard address). */
    static boolean portInUse(int port) {
        if (acceptsConnections(port)) {
            return true;
        }
        try (ServerSocket ss = new ServerSocket()) {
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Fails with a clear message if any of the given ports is already taken. */
    static void requirePortsFree(String server, String[] names, int[] ports) {
        StringBuilder busy = new StringBuilder();
        for (int i = 0; i < ports.length; i++) {
            if (portInUse(ports[i])) {
                if (busy.length() > 0) {
                    busy.append(", ");
                }
                busy.append(names[i]).append(" port ").append(ports[i]);
            }
        }
        if (busy.length() > 0) {
            throw new IllegalStateException("Cannot start " + server + ": " + busy
                    + " already in use on " + LOOPBACK
                    + " (another instance or a stale process from an earlier run?"
                    + " check with: ss -ltnp)");
        }
    }

    /** Waits until nothing accepts connections on any of the ports any more. */
    static boolean awaitPortsClosed(Duration timeout, int... ports) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean anyOpen = false;
            for (int p : ports) {
                if (acceptsConnections(p)) {
                    anyOpen = true;
                    break;
                }
            }
            if (!anyOpen) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(100);
        }
    }

    /** Sends SIGTERM to the process, waits, then SIGKILL if needed. Returns the exit code (or -1). */
    static int stopProcess(Process process, Duration gracefulTimeout) {
        if (process == null) {
            return -1;
        }
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(gracefulTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            }
            return process.isAlive() ? -1 : process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** Records "childPid ownerJvmPid". */
    static void writePidFile(Path pidFile, long pid) {
        try {
            Files.writeString(pidFile, pid + " " + ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * If an earlier JVM run died without stopping its child (e.g. kill -9 of the test JVM), the PID recorded in
     * {@code pidFile} may still be that child. It is stopped (SIGTERM, SIGKILL after 20 s) only if
     * <ul>
     * <li>the JVM that started it (also recorded) is gone - if a child of another live JVM still uses this work
     * dir, it is left alone and an {@link IllegalStateException} says so, and</li>
     * <li>it is alive AND its command line contains {@code commandLineMarker} (the absolute path of the generated
     * config file), so an unrelated process that reused the PID is never touched.</li>
     * </ul>
     */
    static void stopStaleProcess(Path pidFile, String commandLineMarker) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        long owner;
        try {
            String[] parts = Files.readString(pidFile, StandardCharsets.US_ASCII).trim().split("\\s+");
            pid = Long.parseLong(parts[0]);
            owner = parts.length > 1 ? Long.parseLong(parts[1]) : -1;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(pidFile); // unreadable: ignore
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        boolean childAlive = handle.isPresent() && handle.get().isAlive()
                && handle.get().info().commandLine().orElse("").contains(commandLineMarker);
        if (owner > 0 && ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
            if (childAlive) {
                throw new IllegalStateException("Work dir " + pidFile.getParent() + " is in use: process " + pid
                        + " started by the still running JVM " + owner
                        + (owner == ProcessHandle.current().pid() ? " (this one: another server object)" : "")
                        + " uses it (two test JVMs / server objects with the same it.work.dir?)");
            }
            deleteQuietly(pidFile);
            return;
        }
        if (childAlive) {
            ProcessHandle h = handle.get();
            h.destroy();
            try {
                h.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        deleteQuietly(pidFile);
    }

    /** Recursively deletes a directory (no symlink following); missing is fine. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = new java.util.ArrayList<>(walk.toList());
            java.util.Collections.reverse(paths);
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Last {@code maxLines} lines of a (log) file, for error messages. */
    static String tail(Path file, int maxLines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "(no log file " + file + ")";
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Deque<String> last = new ArrayDeque<>();
            for (String l : lines) {
                last.addLast(l);
                if (last.size() > maxLines) {
                    last.removeFirst();
                }
            }
            return "---- last " + last.size() + " lines of " + file + " ----\n" + String.join("\n", last);
        } catch (IOException e) {
            // log may contain malformed UTF-8; fall back to a lossy read
            try {
                String s = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                return "---- tail of " + file + " ----\n" + s.substring(Math.max(0, s.length() - 8000));
            } catch (IOException e2) {
                return "(cannot read " + file + ": " + e2 + ")";
            }
        }
    }

    /** Resolves an executable: system property override, then the Debian path, then PATH lookup by name. */
    static String executable(String systemProperty, String debianPath, String name) {
        String configured = System.getProperty(systemProperty);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (Files.isExecutable(Path.of(debianPath))) {
            return debianPath;
        }
        return name;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An SSL context that accepts any server certificate: for test clients of test servers only. */
    static javax.net.ssl.SSLContext trustingEveryCertificate() {
        javax.net.ssl.TrustManager trustAll = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, new javax.net.ssl.TrustManager[] {trustAll}, new java.security.SecureRandom());
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code stop} when the JVM exits normally, so no server outlives the tests that started it. */
    static void stopAtJvmExit(String name, Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.run();
            } catch (RuntimeException e) {
                System.err.println(name + ": stopping failed: " + e);
            }
        }, name));
    }
}
