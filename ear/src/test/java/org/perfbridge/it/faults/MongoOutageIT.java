package org.perfbridge.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perfbridge.it.Api;
import org.perfbridge.it.Eventually;
import org.perfbridge.it.PerfbridgeEar;
import org.perfbridge.it.ServerSettings;
import org.perfbridge.it.support.TimeseriesServers;

/**
 * perfbridge on a MongoDB of its own (set by mongo.uri) that goes away: posts answer 503 and store nothing; when
 * MongoDB is back, service resumes without a restart. The MongoDB here is mongo-java-server run by the test.
 */
@ExtendWith({TimeseriesServers.class, ArquillianExtension.class})
class MongoOutageIT {

    static final String DEPLOYMENT = "perfbridge-on-external-mongo";
    static final int MONGO_PORT = 27201;

    @ArquillianResource
    ManagementClient management;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return PerfbridgeEar.asBuilt();
    }

    @Test
    void whileMongoDbIsAwayPostsAnswer503AndServiceResumesWhenItIsBack() throws Exception {
        Path file = Files.createTempDirectory(Path.of(System.getProperty("it.work.dir")).toAbsolutePath(), "mongo").resolve("mongo.mv");
        String host = "mongo-down-" + UUID.randomUUID().toString().substring(0, 8);
        MongoServer mongo = startMongo(file);
        try (ServerSettings settings = new ServerSettings(management).set("mongo.uri", "mongodb://127.0.0.1:" + MONGO_PORT)) {
            deployer.deploy(DEPLOYMENT);
            try {
                assertEquals(201, check(host, "before").status());

                mongo.shutdownNow();
                Api.Answer whileAway = check(host, "during");
                Api.Answer readWhileAway = Api.get("logcheckresult", target -> target.queryParam("host_name", host));
                JsonObject status = Api.status();

                assertEquals(503, whileAway.status(), whileAway.body());
                assertTrue(whileAway.body().contains("MongoDB is unavailable, nothing stored"), whileAway.body());
                assertEquals(503, readWhileAway.status(), readWhileAway.body());
                assertTrue(readWhileAway.body().contains("the log store is unavailable"), readWhileAway.body());
                assertFalse(readWhileAway.body().contains("nothing stored"), "a read stores nothing: " + readWhileAway.body());
                assertEquals(false, status.getJsonObject("mongo").getBoolean("reachable"), status.toString());

                mongo = startMongo(file);
                Api.Answer afterwards = Eventually.await("a post accepted again", () -> check(host, "after"),
                        answer -> answer.status() != 503, Duration.ofSeconds(30));
                assertEquals(201, afterwards.status(), afterwards.body());

                List<String> outputs = Api.logsOfHost(host).getJsonArray("_items").getValuesAs(JsonObject.class).stream()
                        .map(log -> log.getString("output")).sorted().toList();
                assertEquals(List.of("after", "before"), outputs, "what got 201 is stored, what got 503 is not");
            } finally {
                deployer.undeploy(DEPLOYMENT);
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    private static MongoServer startMongo(Path file) {
        MongoServer mongo = new MongoServer(new H2Backend(file.toString()));
        mongo.bind("127.0.0.1", MONGO_PORT);
        return mongo;
    }

    private static Api.Answer check(String host, String output) {
        return Api.postCheckResults("{\"host_name\": \"" + host + "\", \"state\": \"UP\", \"output\": \"" + output + "\"}");
    }
}
