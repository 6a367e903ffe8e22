package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.Store;

/** Every endpoint needs credentials (401 without or with wrong ones) and the right role (403 otherwise). */
class AuthenticationIT extends DeployedPerfbridge {

    static final WebTarget ADMIN = Api.as(Api.ADMIN[0], Api.ADMIN[1]);
    static final WebTarget INGEST = Api.as(Api.INGEST[0], Api.INGEST[1]);
    static final WebTarget READER = Api.as(Api.READER[0], Api.READER[1]);
    static final WebTarget WRONG_PASSWORD = Api.as(Api.ADMIN[0], "not-the-password");
    static final WebTarget NOBODY = Api.anonymous();

    @Test
    void withoutCredentialsEveryEndpointAnswers401() {
        assertEquals(401, post(NOBODY, "auth-none").status());
        assertEquals(401, get(NOBODY, "logcheckresult").status());
        assertEquals(401, get(NOBODY, "timeseriesretention").status());
        assertEquals(401, get(NOBODY, "status").status());
        assertEquals(401, redeliver(NOBODY).status());
    }

    @Test
    void wrongPasswordAnswers401AndStoresNothing() {
        String host = "auth-wrong-" + UUID.randomUUID().toString().substring(0, 8);

        assertEquals(401, post(WRONG_PASSWORD, host).status());
        assertEquals(401, get(WRONG_PASSWORD, "status").status());
        assertEquals(0, Store.logs().countDocuments(new org.bson.Document("host_name", host)));
    }

    @Test
    void ingestMayPostButNotRead() {
        String host = "auth-ingest-" + UUID.randomUUID().toString().substring(0, 8);

        assertEquals(201, post(INGEST, host).status());
        assertEquals(403, get(INGEST, "logcheckresult").status());
        assertEquals(403, get(INGEST, "timeseriesretention").status());
        assertEquals(403, get(INGEST, "status").status());
        assertEquals(403, redeliver(INGEST).status());
    }

    @Test
    void readerMayReadButNotPost() {
        String host = "auth-reader-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Answer refused = post(READER, host);

        assertEquals(403, refused.status());
        assertEquals(403, refused.json().getJsonObject("_error").getInt("code"), refused.body());
        assertEquals(0, Store.logs().countDocuments(new org.bson.Document("host_name", host)));
        assertEquals(200, get(READER, "logcheckresult").status());
        assertEquals(200, get(READER, "timeseriesretention").status());
        assertEquals(200, get(READER, "status").status());
        assertEquals(403, redeliver(READER).status());
    }

    @Test
    void adminMayDoEverything() {
        String host = "auth-admin-" + UUID.randomUUID().toString().substring(0, 8);

        assertEquals(201, post(ADMIN, host).status());
        assertEquals(200, get(ADMIN, "logcheckresult").status());
        assertEquals(200, get(ADMIN, "timeseriesretention").status());
        assertEquals(200, get(ADMIN, "status").status());
        assertEquals(200, redeliver(ADMIN).status());
    }

    private static Api.Answer post(WebTarget api, String host) {
        return Api.answer(api.path("logcheckresult").request().post(Entity.entity(
                "{\"host_name\": \"" + host + "\", \"state\": \"UP\"}", MediaType.APPLICATION_JSON)));
    }

    private static Api.Answer get(WebTarget api, String path) {
        return Api.answer(api.path(path).request().get());
    }

    private static Api.Answer redeliver(WebTarget api) {
        return Api.answer(api.path("timeseriesretention/redelivery").request().post(Entity.json("")));
    }
}
