package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.StringJoiner;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.ServerSettings;

/**
 * A page of logs too long to answer (api.max_response_bytes, here lowered to 1 MB) is refused with a reason, while
 * check results are still taken; a smaller page of the same logs is answered.
 */
class LargeReadIT extends DeployedPerfbridge {

    static final int LOGS = 40;
    static final int OUTPUT_LENGTH = 60_000;

    @ArquillianResource
    ManagementClient management;

    @Test
    void aPageOverTheResponseLimitIs400WhileIngestGoesOn() throws Exception {
        String host = "large-" + UUID.randomUUID().toString().substring(0, 8);
        for (int first = 0; first < LOGS; first += 10) {
            assertEquals(201, postLargeLogs(host, first, 10).status());
        }
        try (ServerSettings settings = new ServerSettings(management).set("api.max_response_bytes", "1000000")) {
            Api.Answer tooLarge = page(host, 1000);
            Api.Answer posted = postLargeLogs(host, LOGS, 1);
            Api.Answer small = page(host, 5);

            assertEquals(400, tooLarge.status(), tooLarge.body());
            assertTrue(tooLarge.body().contains("max_results") && tooLarge.body().contains("api.max_response_bytes"), tooLarge.body());
            assertEquals(201, posted.status(), posted.body());
            assertEquals(200, small.status(), small.body());
            assertEquals(5, small.json().getJsonArray("_items").size());
            assertEquals(LOGS + 1, small.json().getJsonObject("_meta").getInt("total"));
        }
    }

    private static Api.Answer postLargeLogs(String host, int first, int count) {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (int i = first; i < first + count; i++) {
            batch.add("""
                    {"host_name": "%s", "service_name": "s%d", "state": "OK", "output": "%s"}"""
                    .formatted(host, i, "o".repeat(OUTPUT_LENGTH)));
        }
        return Api.postCheckResults(batch.toString());
    }

    private static Api.Answer page(String host, int maxResults) {
        return Api.get("logcheckresult", target -> target.queryParam("host_name", host).queryParam("max_results", maxResults));
    }
}
