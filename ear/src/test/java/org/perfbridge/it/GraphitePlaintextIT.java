package org.perfbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perfbridge.it.support.TimeseriesServers;

/** Switching graphite.protocol to plaintext (and the port to 2003's) in the server's settings takes effect at once. */
@ExtendWith({TimeseriesServers.class, ArquillianExtension.class})
class GraphitePlaintextIT {

    @ArquillianResource
    ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return PerfbridgeEar.asBuilt();
    }

    @Test
    void plaintextProtocolDeliversToCarbonsLinePort() throws Exception {
        String host = "plain-" + UUID.randomUUID().toString().substring(0, 8);
        long lastCheck = System.currentTimeMillis() / 1000 - 30;
        setProperty("graphite.protocol", "plaintext");
        setProperty("graphite.port", String.valueOf(TimeseriesServers.CARBON_LINE_PORT));
        try {
            Api.Answer answer = Api.postCheckResults("""
                    {"host_name": "%s", "service_name": "cpu", "state": "OK", "last_check": %d,
                     "perf_data": "user=12.25%%;80;90;0;100"}""".formatted(host, lastCheck));

            assertEquals(201, answer.status(), answer.body());
            String base = "All." + host + ".cpu.user";
            Duration wait = Duration.ofSeconds(30);
            assertEquals(Map.of(lastCheck, 12.25), TimeseriesServers.carbon().awaitDatapoints(base, lastCheck, lastCheck, 1, wait));
            assertEquals(Map.of(lastCheck, 100.0), TimeseriesServers.carbon().awaitDatapoints(base + "_max", lastCheck, lastCheck, 1, wait));
        } finally {
            setProperty("graphite.protocol", "pickle");
            setProperty("graphite.port", String.valueOf(TimeseriesServers.CARBON_PICKLE_PORT));
        }
    }

    private void setProperty(String name, String value) throws Exception {
        ModelNode address = Operations.createAddress("system-property", name);
        ModelNode result = management.getControllerClient().execute(Operations.createWriteAttributeOperation(address, "value", value));
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new AssertionError("cannot set " + name + ": " + Operations.getFailureDescription(result));
        }
    }
}
