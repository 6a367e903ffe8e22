package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.WebTarget;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.ServerSettings;

/** The API is served over TLS on 8443 (WildFly's generated self-signed key pair), and plain HTTP can be switched off. */
class TransportSecurityIT extends DeployedPerfbridge {

    @ArquillianResource
    ManagementClient management;

    @Test
    void apiAnswersOverTlsOn8443() throws Exception {
        Api.Answer answer = Api.answer(https().path("status").request().get());

        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.json().containsKey("sinks"));
    }

    @Test
    void httpsOnlyRefusesPlainHttpButServesTls() throws Exception {
        try (ServerSettings settings = new ServerSettings(management).set("api.https_only", "true")) {
            Api.Answer plain = Api.get("status", target -> target);
            Api.Answer overTls = Api.answer(https().path("status").request().get());

            assertEquals(403, plain.status(), plain.body());
            assertTrue(plain.body().contains("api.https_only"), plain.body());
            assertEquals(200, overTls.status(), overTls.body());
        }
        assertEquals(200, Api.get("status", target -> target).status(), "plain HTTP is back once the setting is off");
    }

    private static WebTarget https() {
        return Api.overTls("https://localhost:8443/api", Api.ADMIN[0], Api.ADMIN[1]);
    }
}
