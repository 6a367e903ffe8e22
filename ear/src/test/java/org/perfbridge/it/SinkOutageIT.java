package org.perfbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.support.CarbonServer;
import org.perfbridge.it.support.InfluxDbServer;
import org.perfbridge.it.support.TimeseriesServers;

/** While a sink is down, posts still succeed and its points wait in retention; once it is back, redelivery sends each once. */
class SinkOutageIT extends DeployedPerfbridge {

    static final int CHECKS = 6;
    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void retainsPointsWhileInfluxDbIsDownAndRedeliversEachOnce() {
        InfluxDbServer influx = TimeseriesServers.influxDb();
        String host = "influx-down-" + UUID.randomUUID().toString().substring(0, 8);
        long first = System.currentTimeMillis() / 1000 - 300;
        influx.stop();
        try {
            postChecks(host, first);

            Eventually.await("points of " + host + " in retention for influxdb",
                    () -> Store.retainedFor("influxdb", host), n -> n == 2L * CHECKS, WAIT);
            assertEquals(CHECKS, TimeseriesServers.carbon().awaitDatapoints("All." + host + ".http.time", first, first + CHECKS, CHECKS, WAIT).size(),
                    "carbon got its points meanwhile");
            assertEquals(0, Store.retainedFor("graphite", host));
            assertTheApiListsTheWaitingPointsInTheOrderRetained(host, first);
            JsonObject influxStatus = sinkStatus("influxdb");
            assertFalse(influxStatus.getBoolean("reachable"));
            assertFalse(influxStatus.isNull("last_error"));
        } finally {
            influx.start();
        }

        JsonObject redelivered = Api.redeliverNow();

        assertEquals(0, Store.retainedFor("influxdb", host), redelivered.toString());
        assertEquals(CHECKS, influx.query(PipelineEndToEndIT.INFLUX_DB,
                "SELECT value FROM \"time\" WHERE host = '" + host + "'").size());
        assertEquals(CHECKS, influx.query(PipelineEndToEndIT.INFLUX_DB,
                "SELECT value FROM size WHERE host = '" + host + "'").size());
        assertEquals(expectedTimes(first), valuesByTime(influx, host));
    }

    @Test
    void retainsPointsWhileCarbonIsDownAndRedeliversEachOnce() {
        CarbonServer carbon = TimeseriesServers.carbon();
        String host = "carbon-down-" + UUID.randomUUID().toString().substring(0, 8);
        long first = System.currentTimeMillis() / 1000 - 300;
        carbon.stop();
        try {
            postChecks(host, first);

            Eventually.await("points of " + host + " in retention for graphite",
                    () -> Store.retainedFor("graphite", host), n -> n == 2L * CHECKS, WAIT);
            assertEquals(CHECKS, TimeseriesServers.influxDb().awaitRows(PipelineEndToEndIT.INFLUX_DB,
                    "SELECT value FROM \"time\" WHERE host = '" + host + "'", CHECKS, WAIT).size(), "InfluxDB got its points meanwhile");
            assertFalse(sinkStatus("graphite").getBoolean("reachable"));
        } finally {
            carbon.start();
        }

        Api.redeliverNow();

        assertEquals(0, Store.retainedFor("graphite", host));
        assertEquals(expectedTimes(first),
                carbon.awaitDatapoints("All." + host + ".http.time", first, first + CHECKS, CHECKS, WAIT));
        assertEquals(CHECKS, carbon.awaitDatapoints("All." + host + ".http.size", first, first + CHECKS, CHECKS, WAIT).size());
    }

    private static void assertTheApiListsTheWaitingPointsInTheOrderRetained(String host, long first) {
        List<JsonObject> all = Api.get("timeseriesretention", target -> target.queryParam("max_results", 1000)).json()
                .getJsonArray("_items").getValuesAs(JsonObject.class);
        List<JsonObject> waiting = all.stream().filter(point -> point.getString("host").equals(host)).toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < CHECKS; i++) {
            expected.add("time@" + (first + i));
            expected.add("size@" + (first + i));
        }
        assertEquals(expected, waiting.stream().map(point -> point.getString("name") + "@" + point.getJsonNumber("timestamp")).toList());
        assertEquals("influxdb", waiting.get(0).getString("sink"));
        assertEquals(1000.0, waiting.get(1).getJsonNumber("value").doubleValue());

        JsonObject secondPage = Api.get("timeseriesretention", target -> target.queryParam("max_results", 4).queryParam("page", 2)).json();
        assertEquals(all.subList(4, 8), secondPage.getJsonArray("_items").getValuesAs(JsonObject.class));
        assertEquals(all.size(), secondPage.getJsonObject("_meta").getInt("total"));
    }

    private static void postChecks(String host, long first) {
        for (int i = 0; i < CHECKS; i++) {
            Api.Answer answer = Api.postCheckResults("""
                    {"host_name": "%s", "service_name": "http", "state": "OK", "last_check": %d,
                     "perf_data": "time=0.%d5s;1;2;0 size=%dB;;;0"}""".formatted(host, first + i, i, 1000 + i));
            assertEquals(201, answer.status(), answer.body());
        }
    }

    private static Map<Long, Double> expectedTimes(long first) {
        Map<Long, Double> expected = new TreeMap<>();
        for (int i = 0; i < CHECKS; i++) {
            expected.put(first + i, Double.parseDouble("0." + i + "5"));
        }
        return expected;
    }

    private static Map<Long, Double> valuesByTime(InfluxDbServer influx, String host) {
        Map<Long, Double> values = new TreeMap<>();
        for (var row : influx.query(PipelineEndToEndIT.INFLUX_DB, "SELECT value FROM \"time\" WHERE host = '" + host + "'")) {
            values.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).doubleValue());
        }
        return values;
    }

    private static JsonObject sinkStatus(String name) {
        return Api.status().getJsonArray("sinks").getValuesAs(JsonObject.class).stream()
                .filter(sink -> sink.getString("name").equals(name)).findFirst().orElseThrow();
    }
}
