package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.perfbridge.it.PerfbridgeEar;
import org.perfbridge.it.ServerSettings;

/**
 * With mongo.uri holding credentials and MongoDB unreachable, the application still deploys, answers 503,
 * and the password shows in no answer and no log line.
 */
@ExtendWith(ArquillianExtension.class)
class MongoCredentialsIT {

    static final String PASSWORD = "Mongo-pw-" + UUID.randomUUID();
    static final String DEPLOYMENT = "perfbridge-with-mongo-uri";

    @ArquillianResource
    ManagementClient management;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return PerfbridgeEar.asBuilt();
    }

    @Test
    void credentialsInTheMongoUriAppearNowhereWhenMongoDbIsUnreachable() throws Exception {
        Api.Answer post;
        Api.Answer list;
        Api.Answer status;
        Api.Answer settingsInForce;
        try (ServerSettings settings = new ServerSettings(management)
                .set("mongo.uri", "mongodb://perfbridge:" + PASSWORD + "@127.0.0.1:27199/?authSource=admin")) {
            deployer.deploy(DEPLOYMENT);
            try {
                post = Api.postCheckResults("{\"host_name\": \"web1\", \"state\": \"UP\"}");
                list = Api.get("logcheckresult", target -> target);
                status = Api.get("status", target -> target);
                settingsInForce = Api.get("settings", target -> target);
            } finally {
                deployer.undeploy(DEPLOYMENT);
            }
        }

        assertEquals(503, post.status(), post.body());
        assertEquals(503, list.status(), list.body());
        assertEquals(200, status.status(), status.body());
        assertFalse(status.json().getJsonObject("mongo").getBoolean("reachable"), status.body());
        assertEquals(200, settingsInForce.status(), settingsInForce.body());
        assertTrue(settingsInForce.body().contains("mongodb://perfbridge:****@127.0.0.1:27199/?authSource=admin"), settingsInForce.body());
        for (Api.Answer answer : new Api.Answer[] {post, list, status, settingsInForce}) {
            assertFalse(answer.body().contains(PASSWORD), answer.body());
        }
        String log = Files.readString(Path.of(System.getProperty("it.wildfly.home"), "standalone", "log", "server.log"),
                StandardCharsets.UTF_8);
        assertFalse(log.contains(PASSWORD), "server.log names the MongoDB password");
    }
}
