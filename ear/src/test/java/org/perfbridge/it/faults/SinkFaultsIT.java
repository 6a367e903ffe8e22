package org.perfbridge.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.Eventually;
import org.perfbridge.it.ServerSettings;
import org.perfbridge.it.Store;
import org.perfbridge.it.support.FaultyEndpoint;
import org.perfbridge.it.support.InfluxDbServer;
import org.perfbridge.it.support.TimeseriesServers;

/** Sinks that hang, fail or refuse: bounded waits, retention for what may succeed later, dead letters for what never will. */
class SinkFaultsIT extends DeployedPerfbridge {

    static final String DB = "perfbridge_it";
    static final Duration WAIT = Duration.ofSeconds(30);

    @ArquillianResource
    ManagementClient management;

    @Test
    void carbonThatNeverReadsTimesOutIntoRetentionWithoutHoldingUpInfluxDb() throws Exception {
        String host = "blackhole-" + UUID.randomUUID().toString().substring(0, 8);
        long first = System.currentTimeMillis() / 1000 - 200;
        try (FaultyEndpoint blackHole = FaultyEndpoint.blackHole();
             ServerSettings settings = new ServerSettings(management)
                     .set("graphite.port", String.valueOf(blackHole.port())).set("sink.write_timeout_ms", "1500")) {
            long started = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertEquals(201, post(host, first + i, "load=" + i + ".5").status());
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() < 3000, "ingest does not wait for sinks");

            Eventually.await("3 points of " + host + " retained for graphite", () -> Store.retainedFor("graphite", host),
                    n -> n == 3L, WAIT);
            assertEquals(3, TimeseriesServers.influxDb().awaitRows(DB, "SELECT value FROM load WHERE host = '" + host + "'", 3, WAIT).size(),
                    "InfluxDB got every point while carbon hung");
            assertTrue(blackHole.connectionsAccepted() >= 1, "perfbridge did connect to the black hole");
        }

        Api.redeliverNow();

        assertEquals(0, Store.retainedFor("graphite", host));
        assertEquals(Map.of(first, 0.5, first + 1, 1.5, first + 2, 2.5),
                TimeseriesServers.carbon().awaitDatapoints("All." + host + ".s.load", first, first + 2, 3, WAIT));
    }

    @Test
    void influxDbThatNeverAnswersIsRetriedLaterNotDeadLettered() throws Exception {
        String host = "influx-hang-" + UUID.randomUUID().toString().substring(0, 8);
        long at = System.currentTimeMillis() / 1000 - 150;
        try (FaultyEndpoint blackHole = FaultyEndpoint.blackHole();
             ServerSettings settings = new ServerSettings(management)
                     .set("influxdb.port", String.valueOf(blackHole.port())).set("sink.write_timeout_ms", "1500")) {
            assertEquals(201, post(host, at, "users=7;20;50;0").status());

            Eventually.await("the point retained for influxdb", () -> Store.retainedFor("influxdb", host), n -> n == 1L, WAIT);
        }
        assertEquals(0, deadLettered(host));

        Api.redeliverNow();

        assertEquals(0, Store.retainedFor("influxdb", host));
        assertEquals(List.of(List.of(at, 7.0)), values(TimeseriesServers.influxDb(), "users", host));
    }

    @Test
    void influxDbAnswering503IsRetriedLaterNotDeadLettered() throws Exception {
        String host = "influx-503-" + UUID.randomUUID().toString().substring(0, 8);
        long at = System.currentTimeMillis() / 1000 - 140;
        try (FaultyEndpoint failing = FaultyEndpoint.answering503();
             ServerSettings settings = new ServerSettings(management).set("influxdb.port", String.valueOf(failing.port()))) {
            assertEquals(201, post(host, at, "users=9").status());

            Eventually.await("the point retained for influxdb", () -> Store.retainedFor("influxdb", host), n -> n == 1L, WAIT);
            JsonObject influx = sinkStatus("influxdb");
            assertTrue(influx.getString("last_error").contains("503"), influx.toString());
        }
        assertEquals(0, deadLettered(host));

        Api.redeliverNow();

        assertEquals(0, Store.retainedFor("influxdb", host));
        assertEquals(List.of(List.of(at, 9.0)), values(TimeseriesServers.influxDb(), "users", host));
    }

    @Test
    void pointsInfluxDbRefusesGoToDeadLettersAndTheOthersOfTheBatchAreDelivered() throws Exception {
        String host = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        String clash = "clash_" + UUID.randomUUID().toString().substring(0, 8);
        long at = System.currentTimeMillis() / 1000 - 130;
        InfluxDbServer influx = TimeseriesServers.influxDb();
        influx.createDatabase(DB);
        // given a measurement whose "value" field another writer made an integer
        influx.write(DB, "s", clash + ",host=other value=1i " + (at - 1));

        assertEquals(201, post(host, at, clash + "=1.5 good=2.5 fine=3.5").status());

        Eventually.await("the refused point in the dead letters", () -> deadLettered(host), n -> n == 1L, WAIT);
        Document dead = deadLetters().find(new Document("host", host)).first();
        assertEquals(clash, dead.getString("name"));
        assertEquals("influxdb", dead.getString("sink"));
        assertTrue(dead.getString("reason").contains("field type conflict"), dead.getString("reason"));
        assertEquals(List.of(List.of(at, 2.5)), values(influx, "good", host));
        assertEquals(List.of(List.of(at, 3.5)), values(influx, "fine", host));
        assertEquals(0, Store.retainedFor("influxdb", host), "refused points are not retried");
        JsonObject status = sinkStatus("influxdb");
        assertTrue(status.getJsonNumber("points_rejected").longValue() >= 1, status.toString());
        assertTrue(status.getJsonNumber("dead_letter_count").longValue() >= 1, status.toString());
        String listing = Api.get("timeseriesdeadletter", target -> target.queryParam("max_results", 1000)).body();
        assertTrue(listing.contains("\"host\":\"" + host + "\""), listing);
        assertEquals(Map.of(at, 1.5), TimeseriesServers.carbon().awaitDatapoints("All." + host + ".s." + clash, at, at, 1, WAIT),
                "carbon, which has no such conflict, got it");
    }

    @Test
    void aPointDeliveredTwiceKeepsOneValue() {
        String host = "twice-" + UUID.randomUUID().toString().substring(0, 8);
        long at = System.currentTimeMillis() / 1000 - 120;

        assertEquals(201, post(host, at, "conns=42").status());
        assertEquals(201, post(host, at, "conns=42").status());

        Eventually.await("both check results logged", () -> Store.logs().countDocuments(new Document("host_name", host)),
                n -> n == 2L, WAIT);
        InfluxDbServer influx = TimeseriesServers.influxDb();
        influx.awaitRows(DB, "SELECT value FROM conns WHERE host = '" + host + "'", 1, WAIT);
        Api.awaitQueueDrained(Api::status, WAIT);
        assertEquals(List.of(List.of(at, 42.0)), values(influx, "conns", host));
        assertEquals(Map.of(at, 42.0), TimeseriesServers.carbon().awaitDatapoints("All." + host + ".s.conns", at - 5, at + 5, 1, WAIT));
    }

    static Api.Answer post(String host, long lastCheck, String perfdata) {
        return Api.postCheckResults("""
                {"host_name": "%s", "service_name": "s", "state": "OK", "last_check": %d, "perf_data": "%s"}"""
                .formatted(host, lastCheck, perfdata));
    }

    static List<List<Object>> values(InfluxDbServer influx, String measurement, String host) {
        return influx.query(DB, "SELECT value FROM \"" + measurement + "\" WHERE host = '" + host + "'").stream()
                .map(row -> List.<Object>of(((Number) row.get(0)).longValue(), ((Number) row.get(1)).doubleValue())).toList();
    }

    static com.mongodb.client.MongoCollection<Document> deadLetters() {
        return Store.database().getCollection("timeseriesdeadletter");
    }

    static long deadLettered(String host) {
        return deadLetters().countDocuments(new Document("host", host));
    }

    static JsonObject sinkStatus(String name) {
        return Api.status().getJsonArray("sinks").getValuesAs(JsonObject.class).stream()
                .filter(sink -> sink.getString("name").equals(name)).findFirst().orElseThrow();
    }
}
