package org.perfbridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A WildFly this test starts itself with {@code standalone.sh} (not through Arquillian), so that it can kill the
 * server's JVM with SIGKILL and start it again. It is stopped by the process handles it started, never by name.
 */
public final class WildFlyProcess {

    private final Path home;
    private final URI readiness;
    private Process script;

    public WildFlyProcess(Path home, URI readiness) {
        this.home = home;
        this.readiness = readiness;
    }

    /** Deletes the embedded store a previous run left (its H2 file), so the server starts with an empty one. Only while stopped. */
    public void deleteEmbeddedStore() {
        ProcessSupport.deleteTree(home.resolve("standalone/data/perfbridge"));
    }

    /** Sets system properties in standalone-full.xml (an embedded CLI server, offline). Only while stopped. */
    public void setSystemProperties(Map<String, String> properties) {
        StringBuilder script = new StringBuilder("embed-server --server-config=standalone-full.xml --std-out=discard\n");
        properties.forEach((name, value) -> script
                .append("if (outcome != success) of /system-property=").append(name).append(":read-resource\n")
                .append("    /system-property=").append(name).append(":add(value=\"").append(value).append("\")\n")
                .append("else\n")
                .append("    /system-property=").append(name).append(":write-attribute(name=value, value=\"").append(value).append("\")\n")
                .append("end-if\n"));
        script.append("stop-embedded-server\n");
        Path file = null;
        try {
            file = Files.createTempFile("wildfly-properties", ".cli");
            Files.writeString(file, script);
            Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + file)
                    .redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            waitFor(cli);
            if (cli.exitValue() != 0) {
                throw new IllegalStateException("jboss-cli could not set " + properties.keySet() + ": " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run jboss-cli in " + home, e);
        } finally {
            if (file != null) {
                ProcessSupport.deleteTree(file);
            }
        }
    }

    /** Starts the server and waits until the readiness URL answers anything but a connection failure or 404. */
    public void start(Duration timeout) {
        start(timeout, Map.of(), List.of());
    }

    /** Starts the server as {@code VARIABLE=... standalone.sh -c standalone-full.xml arguments...} and waits as above. */
    public void start(Duration timeout, Map<String, String> environment, List<String> arguments) {
        try {
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml"));
            command.addAll(arguments);
            Files.createDirectories(home.resolve("standalone/log"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("standalone/log/console.log").toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
            script = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start WildFly in " + home, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            if (System.nanoTime() > deadline || !script.isAlive()) {
                throw new IllegalStateException("WildFly in " + home + " not ready at " + readiness + "; see standalone/log");
            }
            ProcessSupport.sleep(250);
        }
    }

    /** SIGKILL to the server's JVM: no shutdown hook, no flush, as a power cut or the OOM killer would do. */
    public void kill() {
        serverJvm().ifPresent(jvm -> {
            jvm.destroyForcibly();
            jvm.onExit().join();
        });
        script.destroyForcibly();
        waitFor(script);
    }

    /** An orderly stop (SIGTERM to the JVM). */
    public void stop() {
        if (script == null) {
            return;
        }
        serverJvm().ifPresent(jvm -> {
            jvm.destroy();
            jvm.onExit().join();
        });
        script.destroy();
        waitFor(script);
    }

    /** The PID of the server's JVM (a child of the start script). */
    public long jvmPid() {
        return serverJvm().orElseThrow(() -> new IllegalStateException("WildFly is not running")).pid();
    }

    private Optional<ProcessHandle> serverJvm() {
        return script.toHandle().descendants()
                .filter(process -> process.info().command().map(command -> command.endsWith("java")).orElse(false))
                .findFirst();
    }

    private boolean isReady() {
        try {
            HttpURLConnection connection = (HttpURLConnection) readiness.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            int status = connection.getResponseCode();
            connection.disconnect();
            return status != 404 && status < 500;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
