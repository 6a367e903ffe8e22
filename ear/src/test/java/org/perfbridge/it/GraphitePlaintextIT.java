package org.perfbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.support.TimeseriesServers;

/** Switching graphite.protocol to plaintext (and the port to 2003's) in the server's settings takes effect at once. */
class GraphitePlaintextIT extends DeployedPerfbridge {

    @ArquillianResource
    ManagementClient management;

    @Test
    void plaintextProtocolDeliversToCarbonsLinePort() throws Exception {
        String host = "plain-" + UUID.randomUUID().toString().substring(0, 8);
        long lastCheck = System.currentTimeMillis() / 1000 - 30;
        try (ServerSettings settings = new ServerSettings(management)) {
            settings.set("graphite.protocol", "plaintext").set("graphite.port", String.valueOf(TimeseriesServers.CARBON_LINE_PORT));

            Api.Answer answer = Api.postCheckResults("""
                    {"host_name": "%s", "service_name": "cpu", "state": "OK", "last_check": %d,
                     "perf_data": "user=12.25%%;80;90;0;100"}""".formatted(host, lastCheck));

            assertEquals(201, answer.status(), answer.body());
            String base = "All." + host + ".cpu.user";
            Duration wait = Duration.ofSeconds(30);
            assertEquals(Map.of(lastCheck, 12.25), TimeseriesServers.carbon().awaitDatapoints(base, lastCheck, lastCheck, 1, wait));
            assertEquals(Map.of(lastCheck, 100.0), TimeseriesServers.carbon().awaitDatapoints(base + "_max", lastCheck, lastCheck, 1, wait));
        }
    }
}
