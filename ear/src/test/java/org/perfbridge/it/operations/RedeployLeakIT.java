package org.perfbridge.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perfbridge.it.Api;
import org.perfbridge.it.support.ProcessMemory;
import org.perfbridge.it.support.TimeseriesServers;
import org.perfbridge.it.support.WildFlyProcess;

/**
 * Twenty redeploys of the EAR into one server whose metaspace is capped at 256 MB, WildFly's default: each deployment
 * stores a check result and delivers its points to InfluxDB and carbon (so its HTTP client, socket deadlines and
 * embedded MongoDB run). Every redeploy succeeds, and once the server has been idle long enough for its pooled threads
 * to end, metaspace is within 10 % of its level after the first deployment: no thread, timer, thread-local or static
 * reference keeps an old deployment's classes. Runs the crash test's server (ports +300), configured by
 * config/install-standalone.cli. {@code -Dit.heap_dump=file} leaves a heap dump at the end.
 */
@ExtendWith(TimeseriesServers.class)
class RedeployLeakIT {

    static final int REDEPLOYS = 20;
    // Undertow's idle task threads end after 60 s, the JCA work manager's after 10 s (config/install-standalone.cli)
    static final Duration IDLE = Duration.ofSeconds(70);
    static final String HEAP_DUMP = System.getProperty("it.heap_dump", "");
    static final String API = "http://127.0.0.1:8380/api";
    static final int MANAGEMENT_PORT = 10290;
    static final String DATABASE = "perfbridge_it";
    // standalone.conf's own sizing, stated here so that the cap under test is explicit
    static final String JAVA_OPTS = "-Xms64m -Xmx512m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Djava.net.preferIPv4Stack=true"
            + " -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.awt.headless=true";

    @Test
    void redeploysLeaveNoDeploymentBehind() throws Exception {
        TimeseriesServers.influxDb().createDatabase(DATABASE);
        WildFlyProcess server = new WildFlyProcess(Path.of(System.getProperty("it.crash.wildfly.home")), URI.create(API + "/status"));
        WebTarget api = Api.at(API, Api.ADMIN[0], Api.ADMIN[1]);
        server.deleteEmbeddedStore();
        server.start(Duration.ofSeconds(120), Map.of("JAVA_OPTS", JAVA_OPTS), List.of());
        try (ModelControllerClient management = ModelControllerClient.Factory.create(InetAddress.getLoopbackAddress(), MANAGEMENT_PORT)) {
            storeAndDeliver(api);
            long afterFirst = ProcessMemory.metaspaceAfterFullGcKiB(server.jvmPid());
            for (int i = 1; i <= REDEPLOYS; i++) {
                ModelNode result = management.execute(Operations.createOperation("redeploy", Operations.createAddress("deployment", "perfbridge.ear")));
                int redeploy = i;
                assertTrue(Operations.isSuccessfulOutcome(result), () -> "redeploy " + redeploy + ": " + Operations.getFailureDescription(result));
                storeAndDeliver(api);
            }
            long beforeIdle = ProcessMemory.metaspaceAfterFullGcKiB(server.jvmPid());
            Thread.sleep(IDLE.toMillis());
            long afterLast = ProcessMemory.metaspaceAfterFullGcKiB(server.jvmPid());
            if (!HEAP_DUMP.isEmpty()) {
                Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(server.jvmPid()),
                        "GC.heap_dump", Path.of(HEAP_DUMP).toAbsolutePath().toString()).inheritIO().start();
                assertEquals(0, jcmd.waitFor(), "jcmd GC.heap_dump");
            }

            System.out.printf("metaspace after full GC: %,d KiB after the first deployment; after %d redeploys %,d KiB (%+.1f %%),"
                            + " and %,d KiB (%+.1f %%) once idle for %d s%n", afterFirst, REDEPLOYS,
                    beforeIdle, 100.0 * (beforeIdle - afterFirst) / afterFirst, afterLast, 100.0 * (afterLast - afterFirst) / afterFirst,
                    IDLE.toSeconds());
            assertTrue(afterLast <= afterFirst * 1.10, () -> "metaspace grew from " + afterFirst + " KiB after the first deployment to "
                    + afterLast + " KiB after " + REDEPLOYS + " redeploys and " + IDLE.toSeconds() + " s idle");
        } finally {
            server.stop();
            server.deleteEmbeddedStore();
        }
    }

    /** A check result stored, and its point in InfluxDB and carbon: every part of a deployment has run. */
    private static void storeAndDeliver(WebTarget api) {
        String host = "redeploy-" + UUID.randomUUID().toString().substring(0, 8);
        long lastCheck = System.currentTimeMillis() / 1000 - 30;
        Api.Answer answer = Api.answer(api.path("logcheckresult").request().post(Entity.json("""
                {"host_name": "%s", "service_name": "load", "state": "OK", "last_check": %d, "perf_data": "load1=0.5;;;0"}
                """.formatted(host, lastCheck))));
        assertEquals(201, answer.status(), answer.body());
        TimeseriesServers.influxDb().awaitRows(DATABASE, "SELECT value FROM \"load1\" WHERE host = '" + host + "'", 1, Duration.ofSeconds(30));
        TimeseriesServers.carbon().awaitDatapoints("All." + host + ".load.load1", lastCheck, lastCheck, 1, Duration.ofSeconds(30));
    }
}
