package org.perfbridge.it.support;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * A WildFly with standalone-full.xml that a test starts itself (not through Arquillian), so that it can kill the server
 * with SIGKILL and start it again. The process it starts is the server's JVM, and it is stopped by that process, never by
 * name. Its console output goes to {@code standalone/log/console.log}.
 */
public final class WildFlyProcess {

    private static final Client HTTP = ClientBuilder.newBuilder().connectTimeout(500, TimeUnit.MILLISECONDS).readTimeout(2, TimeUnit.SECONDS).build();

    private final Path home;
    private final URI readiness;
    private Process jvm;

    public WildFlyProcess(Path home, URI readiness) {
        this.home = home;
        this.readiness = readiness;
    }

    /** Deletes the embedded store (its H2 file) a previous run left, so the server starts empty. Only while stopped. */
    public void deleteEmbeddedStore() {
        PackagedServer.deleteTree(home.resolve("standalone/data/perfbridge"));
    }

    /** Sets system properties in standalone-full.xml (an embedded CLI server, offline). Only while stopped. */
    public void setSystemProperties(Map<String, String> properties) {
        StringBuilder script = new StringBuilder("embed-server --server-config=standalone-full.xml --std-out=discard\n");
        properties.forEach((name, value) -> script.append("""
                if (outcome != success) of /system-property=%1$s:read-resource
                    /system-property=%1$s:add(value="%2$s")
                else
                    /system-property=%1$s:write-attribute(name=value, value="%2$s")
                end-if
                """.formatted(name, value)));
        script.append("stop-embedded-server\n");
        try {
            Path file = Files.writeString(Files.createTempFile("wildfly-properties", ".cli"), script);
            try {
                PackagedServer.run(new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + file));
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run jboss-cli in " + home, e);
        }
    }

    /** Returns once the readiness URL answers anything but a connection failure, 404 or 5xx. */
    public void start(Duration timeout) {
        start(timeout, Map.of(), List.of());
    }

    /**
     * As {@code VARIABLE=... standalone.sh -c standalone-full.xml arguments...} would: JAVA_OPTS replaces the default JVM
     * options, as standalone.conf lets it, and the arguments (-D flags too) follow the main class, where standalone.sh puts them.
     */
    public void start(Duration timeout, Map<String, String> environment, List<String> arguments) {
        StandaloneCommandBuilder command = StandaloneCommandBuilder.of(home).setServerConfiguration("standalone-full.xml");
        if (environment.containsKey("JAVA_OPTS")) {
            command.setJavaOptions(environment.get("JAVA_OPTS").trim().split("\\s+"));
        }
        command.addServerArguments(arguments);
        Path console = home.resolve("standalone/log/console.log");
        try {
            Files.createDirectories(console.getParent());
            jvm = Launcher.of(command).setDirectory(home).setRedirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                    // standalone.sh's default: one malloc arena, which the resident memory the benchmarks report depends on
                    .addEnvironmentVariable("MALLOC_ARENA_MAX", System.getenv().getOrDefault("MALLOC_ARENA_MAX", "1"))
                    .addEnvironmentVariables(environment).launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start WildFly in " + home, e);
        }
        if (!PackagedServer.poll(() -> !jvm.isAlive() || isReady(), done -> done, timeout, 250) || !jvm.isAlive()) {
            throw new IllegalStateException("WildFly in " + home + " not ready at " + readiness + "; see " + console);
        }
    }

    /** SIGKILL to the server's JVM: no shutdown hook, no flush, as a power cut or the OOM killer would do. */
    public void kill() {
        jvm.destroyForcibly();
        jvm.onExit().join();
    }

    /** SIGTERM: an orderly stop; SIGKILL after a minute (a server out of metaspace ignores SIGTERM). */
    public void stop() {
        if (jvm != null) {
            jvm.destroy();
            if (jvm.onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).join() == null) {
                kill();
            }
        }
    }

    public long jvmPid() {
        if (jvm == null || !jvm.isAlive()) {
            throw new IllegalStateException("WildFly is not running");
        }
        return jvm.pid();
    }

    private boolean isReady() {
        try (Response response = HTTP.target(readiness).request().get()) {
            return response.getStatus() != 404 && response.getStatus() < 500;
        } catch (ProcessingException notYet) {
            return false;
        }
    }
}
