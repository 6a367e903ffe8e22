package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.bson.Document;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.ServerSettings;
import org.perfbridge.it.Store;

/** Each input limit is a setting; over it the answer says which, and nothing of the request is stored. */
class InputLimitsIT extends DeployedPerfbridge {

    @ArquillianResource
    ManagementClient management;

    ServerSettings settings;
    String host;

    @BeforeEach
    void lowerTheLimits() throws Exception {
        settings = new ServerSettings(management)
                .set("api.max_body_bytes", "2000")
                .set("api.max_batch_items", "3")
                .set("api.max_string_length", "40")
                .set("api.max_perfdata_length", "60")
                .set("api.max_metrics_per_check", "2")
                .set("api.max_page_size", "5");
        host = "limit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void restoreTheLimits() throws Exception {
        settings.close();
    }

    @Test
    void bodyOverTheLimitIs413() {
        Api.Answer answer = Api.postCheckResults(check(host, "x".repeat(1990)));

        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.body().contains("api.max_body_bytes"), answer.body());
        assertNothingStored();
    }

    @Test
    void moreItemsThanTheBatchLimitAre400() {
        Api.Answer answer = Api.postCheckResults("[" + check(host, "a") + "," + check(host, "b") + "," + check(host, "c") + ","
                + check(host, "d") + "]");

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("at most 3 are accepted in one request"), answer.body());
        assertNothingStored();
    }

    @Test
    void stringFieldOverTheLimitIs400() {
        Api.Answer answer = Api.postCheckResults(check(host, "o".repeat(41)));

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("\"field\":\"output\",\"reason\":\"is 41 characters long, at most 40 are accepted (setting api.max_string_length)\""),
                answer.body());
        assertNothingStored();
    }

    @Test
    void perfdataOverTheLengthLimitIs400() {
        Api.Answer answer = Api.postCheckResults(checkWithPerfdata(host, "a=1 " + "b".repeat(60) + "=2"));

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("api.max_perfdata_length"), answer.body());
        assertNothingStored();
    }

    @Test
    void moreMetricsThanTheLimitIs400() {
        Api.Answer answer = Api.postCheckResults(checkWithPerfdata(host, "a=1 b=2 c=3"));

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("holds 3 metrics, at most 2 are accepted per check result"), answer.body());
        assertNothingStored();
    }

    @Test
    void pageLargerThanTheLimitIs400() {
        Api.Answer answer = Api.get("logcheckresult", target -> target.queryParam("max_results", 6));

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.body().contains("max_results must be a whole number from 1 to 5"), answer.body());
    }

    private void assertNothingStored() {
        assertEquals(0, Store.logs().countDocuments(new Document("host_name", host)));
    }

    private static String check(String host, String output) {
        return "{\"host_name\": \"" + host + "\", \"service_name\": \"s\", \"state\": \"OK\", \"output\": \"" + output + "\"}";
    }

    private static String checkWithPerfdata(String host, String perfdata) {
        return "{\"host_name\": \"" + host + "\", \"service_name\": \"s\", \"state\": \"OK\", \"perf_data\": \"" + perfdata + "\"}";
    }
}
