package org.perfbridge.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.Eventually;
import org.perfbridge.it.faults.poison.PoisonSender;
import org.perfbridge.it.support.TimeseriesServers;

/** A message that makes the worker throw goes to the dead-letter queue after the configured attempts and blocks nothing. */
class PoisonMessageIT extends DeployedPerfbridge {

    static final String QUEUE_SETTINGS = "jms.queue.perfdata";

    @ArquillianResource
    ManagementClient management;

    @Deployment(name = "poison-sender", testable = false)
    static WebArchive poisonSender() {
        return ShrinkWrap.create(WebArchive.class, "poison-sender.war").addClass(PoisonSender.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Test
    void poisonMessageIsDeadLetteredAfterTheConfiguredAttemptsAndTheQueueGoesOn() throws Exception {
        ModelNode address = Operations.createAddress("subsystem", "messaging-activemq", "server", "default",
                "address-setting", QUEUE_SETTINGS);
        String attempts = read(address, "max-delivery-attempts");
        String delay = read(address, "redelivery-delay");
        write(address, "max-delivery-attempts", "2");
        write(address, "redelivery-delay", "0");
        try {
            long deadBefore = dlqDepth();
            String host = "after-poison-" + UUID.randomUUID().toString().substring(0, 8);
            long at = System.currentTimeMillis() / 1000 - 80;

            try (var response = ClientBuilder.newClient().target("http://127.0.0.1:8080/poison-sender/send").request().post(Entity.text(""))) {
                assertEquals(204, response.getStatus());
            }
            assertEquals(201, SinkFaultsIT.post(host, at, "after=1").status());

            Eventually.await("the poison message in DLQ", PoisonMessageIT::dlqDepth, depth -> depth == deadBefore + 1, Duration.ofSeconds(30));
            Api.awaitQueueDrained(Api::status, Duration.ofSeconds(30));
            TimeseriesServers.influxDb().awaitRows(SinkFaultsIT.DB, "SELECT value FROM after WHERE host = '" + host + "'", 1,
                    Duration.ofSeconds(30));
            assertEquals(List.of(List.of(at, 1.0)), SinkFaultsIT.values(TimeseriesServers.influxDb(), "after", host),
                    "the check result sent after the poison was delivered");
        } finally {
            write(address, "max-delivery-attempts", attempts);
            write(address, "redelivery-delay", delay);
        }
    }

    static long dlqDepth() {
        return Api.status().getJsonObject("dead_letter_queue").getJsonNumber("depth").longValue();
    }

    private String read(ModelNode address, String attribute) throws Exception {
        ModelNode result = management.getControllerClient().execute(Operations.createReadAttributeOperation(address, attribute));
        return Operations.readResult(result).asString();
    }

    private void write(ModelNode address, String attribute, String value) throws Exception {
        ModelNode result = management.getControllerClient().execute(Operations.createWriteAttributeOperation(address, attribute, value));
        if (!Operations.isSuccessfulOutcome(result)) {
            throw new AssertionError(Operations.getFailureDescription(result).asString());
        }
    }
}
