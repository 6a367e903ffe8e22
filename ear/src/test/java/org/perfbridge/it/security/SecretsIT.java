package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.Eventually;
import org.perfbridge.it.ServerSettings;
import org.perfbridge.it.Store;

/** The InfluxDB password shows nowhere, also when InfluxDB fails; errors show no stack trace or internals. */
class SecretsIT extends DeployedPerfbridge {

    static final String PASSWORD = "Pw-marker-" + UUID.randomUUID();

    @ArquillianResource
    ManagementClient management;

    @Test
    void influxDbPasswordAppearsInNoAnswerAndNoLogWhenInfluxDbFails() throws Exception {
        String host = "secret-" + UUID.randomUUID().toString().substring(0, 8);
        try (ServerSettings settings = new ServerSettings(management)
                .set("influxdb.password", PASSWORD).set("influxdb.port", "18099")) {
            assertEquals(201, Api.postCheckResults("""
                    {"host_name": "%s", "service_name": "s", "state": "OK", "perf_data": "a=1"}""".formatted(host)).status());
            Eventually.await("the point in retention", () -> Store.retainedFor("influxdb", host), n -> n == 1L, Duration.ofSeconds(30));

            String status = Api.get("status", target -> target).body();
            String retention = Api.get("timeseriesretention", target -> target.queryParam("max_results", 1000)).body();
            String redelivery = Api.redeliverNow().toString();

            for (String answer : new String[] {status, retention, redelivery}) {
                assertFalse(answer.contains(PASSWORD), answer);
            }
        }
        Api.redeliverNow();
        String log = Files.readString(Path.of(System.getProperty("it.wildfly.home"), "standalone", "log", "server.log"),
                StandardCharsets.UTF_8);
        assertFalse(log.contains(PASSWORD), "server.log names the InfluxDB password");
    }

    @Test
    void unknownPathAndMethodAnswerJsonWithoutInternals() {
        Api.Answer notFound = Api.get("no-such-thing", target -> target);
        Api.Answer notAllowed = Api.post("status", new byte[0], "application/json");

        assertEquals(404, notFound.status(), notFound.body());
        assertEquals(405, notAllowed.status(), notAllowed.body());
        for (Api.Answer answer : new Api.Answer[] {notFound, notAllowed}) {
            assertEquals("ERR", answer.json().getString("_status"), answer.body());
            assertFalse(answer.body().contains("Exception"), answer.body());
            assertFalse(answer.body().contains("org."), answer.body());
        }
    }
}
