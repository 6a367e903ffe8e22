package org.perfbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.support.TimeseriesServers;

/** Bad input is refused with a 4xx that names the reason, nothing of a refused request is stored, and the server goes on. */
class BadInputIT extends DeployedPerfbridge {

    @Test
    void malformedJsonIsRefusedWithWhereItBroke() {
        Api.Answer answer = Api.postCheckResults("{\"host_name\": \"web1\", \"state\": ");

        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.json().getJsonObject("_error").getString("message").startsWith("malformed JSON at line 1"), answer.body());
    }

    @Test
    void batchWithOneInvalidItemStoresNothing() {
        String host = "bad-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Answer answer = Api.postCheckResults("""
                [{"host_name": "%s", "service_name": "disk", "state": "OK"},
                 {"service_name": "disk", "state": "OK"},
                 {"host_name": "bad|name", "service_name": "disk", "state": "FINE"}]
                """.formatted(host));

        assertEquals(400, answer.status(), answer.body());
        JsonObject body = answer.json();
        assertEquals(3, body.getJsonArray("_issues").size(), answer.body());
        JsonObject missingHost = body.getJsonArray("_issues").getJsonObject(0);
        assertEquals(1, missingHost.getInt("item"));
        assertEquals("host_name", missingHost.getString("field"));
        assertEquals("is required", missingHost.getString("reason"));
        assertEquals("host_name", body.getJsonArray("_issues").getJsonObject(1).getString("field"));
        assertEquals("state", body.getJsonArray("_issues").getJsonObject(2).getString("field"));
        assertEquals(0, Store.logs().countDocuments(new Document("host_name", host)), "the valid item was not stored either");
    }

    @Test
    void unparsablePerfdataIsLoggedAsGivenWithoutPoints() {
        String host = "garbage-" + UUID.randomUUID().toString().substring(0, 8);

        Api.Answer answer = Api.postCheckResults("""
                {"host_name": "%s", "service_name": "weird", "state": "UNKNOWN", "perf_data": "this is = not ;; perfdata ===="}
                """.formatted(host));

        assertEquals(201, answer.status(), answer.body());
        JsonObject log = Api.logsOfHost(host).getJsonArray("_items").getJsonObject(0);
        assertEquals("this is = not ;; perfdata ====", log.getString("perf_data"));
        assertTrue(!log.getJsonArray("perf_data_problems").isEmpty(), log.toString());
        JsonObject problemsByReason = Api.status().getJsonObject("perfdata").getJsonObject("problems_by_reason");
        for (JsonObject problem : log.getJsonArray("perf_data_problems").getValuesAs(JsonObject.class)) {
            assertTrue(problemsByReason.getInt(problem.getString("reason"), 0) >= 1, "status counts " + problem + ": " + problemsByReason);
        }
        // A good check result posted after it is delivered, so the queue is past the bad one: nothing of it reached InfluxDB.
        String marker = "after-" + host;
        assertEquals(201, Api.postCheckResults("""
                {"host_name": "%s", "service_name": "weird", "state": "OK", "perf_data": "ok=1"}""".formatted(marker)).status());
        TimeseriesServers.influxDb().awaitRows(PipelineEndToEndIT.INFLUX_DB,
                "SELECT value FROM ok WHERE host = '" + marker + "'", 1, Duration.ofSeconds(30));
        assertTrue(TimeseriesServers.influxDb().query(PipelineEndToEndIT.INFLUX_DB,
                "SELECT * FROM /.*/ WHERE host = '" + host + "'").isEmpty());
    }

    @Test
    void oversizedBodyIsRefusedWith413() {
        byte[] body = new byte[10_000_001];
        Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';

        Api.Answer answer = Api.post("logcheckresult", body, "application/json");

        assertEquals(413, answer.status(), new String(answer.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertTrue(answer.body().contains("api.max_body_bytes"), answer.body());
    }

    @Test
    void unknownFieldAndWrongTypesAreNamed() {
        Api.Answer answer = Api.postCheckResults("""
                {"host_name": "web1", "service_name": "http", "state": "OK", "perfdata": "a=1", "last_check": "yesterday"}
                """);

        assertEquals(400, answer.status(), answer.body());
        String issues = answer.json().getJsonArray("_issues").toString();
        assertTrue(issues.contains("{\"item\":0,\"field\":\"perfdata\",\"reason\":\"unknown field\"}"), issues);
        assertTrue(issues.contains("{\"item\":0,\"field\":\"last_check\",\"reason\":\"must be a number\"}"), issues);
    }
}
