package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfbridge.it.security.Issues.issue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;
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
                .set("api.max_page_size", "5")
                .set("api.max_clock_skew_seconds", "60");
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

    @Test
    void bodyOverUndertowsOwnLimitIs413WithTheReason() {
        // given 12 MB, over Undertow's default limit of 10 MiB, which answered an empty 400 before perfbridge could
        byte[] body = spaces(12_000_000);
        long logsBefore = Store.logs().countDocuments();
        // when sent with its length, and in chunks of unknown length
        Api.Answer withLength = Api.answer(logCheckResult().post(Entity.entity(body, MediaType.APPLICATION_JSON)));
        Api.Answer chunked = Api.answer(logCheckResult().property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.CHUNKED)
                .post(Entity.entity(body, MediaType.APPLICATION_JSON)));
        // then
        for (Api.Answer answer : new Api.Answer[] {withLength, chunked}) {
            assertEquals(413, answer.status(), answer.body());
            assertEquals("request body larger than 2000 bytes (setting api.max_body_bytes): nothing stored",
                    answer.json().getJsonObject("_error").getString("message"));
        }
        assertEquals(logsBefore, Store.logs().countDocuments());
    }

    @Test
    void bodyNestedDeeperThanTheLimitIs400NamingTheLimit() throws Exception {
        // given the sweep's 100,000 nested arrays, which the JSON parser refused with a 500
        settings.set("api.max_body_bytes", "300000");
        long logsBefore = Store.logs().countDocuments();
        // when
        Api.Answer answer = Api.postCheckResults("[".repeat(100_000) + "]".repeat(100_000));
        // then
        assertEquals(400, answer.status(), answer.body());
        assertEquals("JSON nested deeper than 16 levels at line 1, column 18", answer.json().getJsonObject("_error").getString("message"));
        assertEquals(logsBefore, Store.logs().countDocuments());
    }

    @Test
    void numberOfThousandsOfDigitsIs400NamingTheLimit() {
        Api.Answer answer = Api.postCheckResults("{\"host_name\": \"" + host + "\", \"state\": \"UP\", \"last_check\": "
                + "1".repeat(1500) + "}");

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.json().getJsonObject("_error").getString("message").startsWith("a number of 1500 characters at line 1"),
                answer.body());
        assertNothingStored();
    }

    @Test
    void numberBeyondWhatADoubleHoldsIs400ForEachField() {
        // given numbers JSON allows and a double cannot hold, which were stored as Infinity
        String body = "[" + checkWith(host, "\"last_check\": 1e309") + "," + checkWith(host, "\"latency\": 1e309") + ","
                + checkWith(host, "\"execution_time\": -1e400") + "]";
        // when
        Api.Answer answer = Api.postCheckResults(body);
        // then
        assertEquals(400, answer.status(), answer.body());
        assertEquals(Issues.of(issue(0, "last_check", "must be a finite number, not 1E+309"), issue(1, "latency", "must be a finite number, not 1E+309"),
                issue(2, "execution_time", "must be a finite number, not -1E+400")), answer.json().get("_issues"));
        assertNothingStored();
    }

    @Test
    void lastCheckFurtherAheadThanTheClockSkewIs400NamingTheSetting() {
        // given the setting at 60 s, the year 5000, ten minutes ahead, and half a minute ahead
        long now = System.currentTimeMillis() / 1000;
        String body = "[" + checkWith(host, "\"last_check\": 95617584000") + "," + checkWith(host, "\"last_check\": " + (now + 600)) + "]";
        // when
        Api.Answer refused = Api.postCheckResults(body);
        Api.Answer accepted = Api.postCheckResults(checkWith(host, "\"last_check\": " + (now + 30)));
        // then
        assertEquals(400, refused.status(), refused.body());
        String reason = "is more than 60 seconds ahead of the server's clock (setting api.max_clock_skew_seconds)";
        assertEquals(Issues.of(issue(0, "last_check", reason), issue(1, "last_check", reason)), refused.json().get("_issues"));
        assertEquals(201, accepted.status(), accepted.body());
        assertEquals(1, Store.logs().countDocuments(new Document("host_name", host)), "only the check result within the window");
    }

    @Test
    void logStoredWithANumberJsonCannotWriteIsServedWithNull() {
        // given a log as an older version stored it, with Infinity and NaN
        Store.logs().insertOne(new Document("host_name", host).append("service_name", "s").append("state", "OK")
                .append("state_type", "HARD").append("state_id", 0).append("last_check", Double.POSITIVE_INFINITY)
                .append("latency", Double.NaN).append("realm", "All").append("_created", new Date()));
        // when
        Api.Answer answer = Api.get("logcheckresult", target -> target.queryParam("host_name", host));
        // then the answer is valid JSON, with null where the numbers were
        assertEquals(200, answer.status(), answer.body());
        JsonObject log = answer.json().getJsonArray("_items").getJsonObject(0);
        assertEquals(JsonValue.NULL, log.get("last_check"));
        assertEquals(JsonValue.NULL, log.get("latency"));
        assertEquals("OK", log.getString("state"));
    }

    private static Invocation.Builder logCheckResult() {
        return Api.as(Api.ADMIN[0], Api.ADMIN[1]).path("logcheckresult").request(MediaType.APPLICATION_JSON);
    }

    private static byte[] spaces(int length) {
        byte[] body = new byte[length];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[length - 1] = ']';
        return body;
    }

    private void assertNothingStored() {
        assertEquals(0, Store.logs().countDocuments(new Document("host_name", host)));
    }

    private static String check(String host, String output) {
        return "{\"host_name\": \"" + host + "\", \"service_name\": \"s\", \"state\": \"OK\", \"output\": \"" + output + "\"}";
    }

    private static String checkWith(String host, String field) {
        return "{\"host_name\": \"" + host + "\", \"service_name\": \"s\", \"state\": \"OK\", " + field + "}";
    }

    private static String checkWithPerfdata(String host, String perfdata) {
        return "{\"host_name\": \"" + host + "\", \"service_name\": \"s\", \"state\": \"OK\", \"perf_data\": \"" + perfdata + "\"}";
    }
}
