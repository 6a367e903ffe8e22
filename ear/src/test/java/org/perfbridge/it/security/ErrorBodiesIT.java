package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;

/** Every refusal, including those WildFly and JAX-RS answer before perfbridge's code runs, is JSON that names its cause. */
class ErrorBodiesIT extends DeployedPerfbridge {

    static final WebTarget ADMIN = Api.as(Api.ADMIN[0], Api.ADMIN[1]);

    @Test
    void noCredentialsAndAWrongPasswordAreToldApart() {
        try (Response none = Api.anonymous().path("status").request().get()) {
            assertEquals("Basic realm=\"perfbridge\"", none.getHeaderString("WWW-Authenticate"), "clients still get the challenge");
            assertCause(Api.answer(none), 401, "no credentials were sent");
        }
        assertCause(Api.answer(Api.as(Api.ADMIN[0], "not-the-password").path("status").request().get()), 401,
                "the user name or the password is wrong");
    }

    @Test
    void aMissingRoleIsNamed() {
        assertCause(Api.answer(Api.as(Api.INGEST[0], Api.INGEST[1]).path("status").request().get()), 403,
                "your user lacks the role this endpoint needs");
    }

    @Test
    void anUnknownPathNamesTheEndpoints() {
        assertCause(Api.answer(ADMIN.path("logcheckresults").request().get()), 404,
                "no endpoint answers GET /api/logcheckresults; the endpoints are under /api/logcheckresult");
    }

    @Test
    void aMethodNotAllowedNamesTheAllowedOnes() {
        Api.Answer answer = Api.answer(ADMIN.path("logcheckresult").request().delete());
        assertCause(answer, 405, "DELETE is not allowed on /api/logcheckresult; allowed: ");
        assertTrue(answer.body().contains("GET") && answer.body().contains("POST"), answer.body());
    }

    @Test
    void anUnmetAcceptNamesWhatIsServed() {
        assertCause(Api.answer(ADMIN.path("status").request("text/xml").get()), 406, "it answers application/json");
    }

    private static void assertCause(Api.Answer answer, int status, String cause) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(status, answer.json().getJsonObject("_error").getInt("code"), answer.body());
        String message = answer.json().getJsonObject("_error").getString("message");
        assertTrue(message.contains(cause), "'" + message + "' names the cause: " + cause);
    }
}
