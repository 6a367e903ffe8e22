package org.perfbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.support.CarbonServer;
import org.perfbridge.it.support.InfluxDbServer;
import org.perfbridge.it.support.TimeseriesServers;

/** A check result posted to the API lands in MongoDB, and its perfdata in the real InfluxDB and carbon. */
class PipelineEndToEndIT extends DeployedPerfbridge {

    static final String INFLUX_DB = "perfbridge_it";
    static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void serviceCheckIsLoggedAndItsPointsReachInfluxDbAndCarbon() {
        String host = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        long lastCheck = System.currentTimeMillis() / 1000 - 120;
        long queuedBefore = Api.status().getJsonObject("queue").getJsonNumber("messages_added").longValue();

        Api.Answer answer = Api.postCheckResults("""
                {"host_name": "%s", "service_name": "ping", "state": "OK", "state_type": "HARD",
                 "last_check": %d, "output": "PING OK - Packet loss = 0%%, RTA = 0.08 ms",
                 "perf_data": "rta=0.080000ms;100.000000;500.000000;0.000000 pl=0%%;20;60;0", "latency": 0.25}
                """.formatted(host, lastCheck));

        assertEquals(201, answer.status(), answer.body());
        String id = answer.json().getString("_id");
        Document stored = Store.logs().find(new Document("_id", new ObjectId(id))).first();
        assertNotNull(stored, "log document " + id + " in MongoDB");
        assertEquals(host, stored.getString("host_name"));
        assertEquals("ping", stored.getString("service_name"));
        assertEquals("OK", stored.getString("state"));
        assertEquals(0, stored.getInteger("state_id"));
        assertEquals("rta=0.080000ms;100.000000;500.000000;0.000000 pl=0%;20;60;0", stored.getString("perf_data"));
        assertEquals((double) lastCheck, stored.getDouble("last_check"));
        assertEquals("All", stored.getString("realm"));
        Eventually.await("the perfdata went through the queue, counted in /api/status",
                () -> Api.status().getJsonObject("queue").getJsonNumber("messages_added").longValue(), added -> added > queuedBefore,
                DELIVERY);

        InfluxDbServer influx = TimeseriesServers.influxDb();
        List<List<Object>> rta = influx.awaitRows(INFLUX_DB,
                "SELECT value, warning, critical, \"min\" FROM rta WHERE host = '" + host
                        + "' AND service = 'ping' AND realm = 'All' AND unit = 'ms'", 1, DELIVERY);
        assertEquals(List.of(List.of(lastCheck, 0.08, 100.0, 500.0, 0.0)), numbers(rta));
        List<List<Object>> pl = influx.awaitRows(INFLUX_DB,
                "SELECT value, warning, critical, \"min\" FROM pl WHERE host = '" + host + "' AND unit = '%'", 1, DELIVERY);
        assertEquals(List.of(List.of(lastCheck, 0.0, 20.0, 60.0, 0.0)), numbers(pl));

        CarbonServer carbon = TimeseriesServers.carbon();
        String base = "All." + host + ".ping.";
        assertEquals(Map.of(lastCheck, 0.08), carbon.awaitDatapoints(base + "rta", lastCheck, lastCheck + 1, 1, DELIVERY));
        assertEquals(Map.of(lastCheck, 100.0), carbon.awaitDatapoints(base + "rta_warning", lastCheck, lastCheck + 1, 1, DELIVERY));
        assertEquals(Map.of(lastCheck, 500.0), carbon.awaitDatapoints(base + "rta_critical", lastCheck, lastCheck + 1, 1, DELIVERY));
        assertEquals(Map.of(lastCheck, 60.0), carbon.awaitDatapoints(base + "pl_critical", lastCheck, lastCheck + 1, 1, DELIVERY));
    }

    @Test
    void hostCheckInARealmHasNoServiceLevelInItsPaths() {
        String host = "host-" + UUID.randomUUID().toString().substring(0, 8);
        long lastCheck = System.currentTimeMillis() / 1000 - 90;

        Api.Answer answer = Api.postCheckResults("""
                {"host_name": "%s", "state": "UP", "realm": "All.Europe", "last_check": %d,
                 "perf_data": "'round trip'=12.5ms;;;0"}
                """.formatted(host, lastCheck));

        assertEquals(201, answer.status(), answer.body());
        assertEquals(Map.of(lastCheck, 12.5), TimeseriesServers.carbon()
                .awaitDatapoints("All.Europe." + host + ".round_trip", lastCheck, lastCheck + 1, 1, DELIVERY));
        List<List<Object>> rows = TimeseriesServers.influxDb().awaitRows(INFLUX_DB,
                "SELECT value, \"min\" FROM \"round trip\" WHERE host = '" + host + "' AND realm = 'All.Europe'", 1, DELIVERY);
        assertEquals(List.of(List.of(lastCheck, 12.5, 0.0)), numbers(rows));
        assertTrue(TimeseriesServers.influxDb().query(INFLUX_DB,
                "SELECT value FROM \"round trip\" WHERE host = '" + host + "' AND service != ''").isEmpty(),
                "a host check's point has no service tag");
    }

    @Test
    void batchIsStoredWholeAndListedNewestFirst() {
        String host = "batch-" + UUID.randomUUID().toString().substring(0, 8);
        long now = System.currentTimeMillis() / 1000;
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            batch.append(i == 0 ? "" : ",").append("""
                    {"host_name": "%s", "service_name": "load", "state": "WARNING", "last_check": %d,
                     "perf_data": "load1=%d.5;5;10;0"}""".formatted(host, now - 100 + i, i));
        }
        batch.append(']');

        Api.Answer answer = Api.postCheckResults(batch.toString());

        assertEquals(201, answer.status(), answer.body());
        assertEquals(5, answer.json().getJsonArray("_items").size());
        JsonObject logs = Api.logsOfHost(host);
        assertEquals(5, logs.getJsonObject("_meta").getInt("total"));
        JsonArray items = logs.getJsonArray("_items");
        assertEquals(now - 96, items.getJsonObject(0).getJsonNumber("last_check").longValue(), "newest first");
        assertEquals(now - 100, items.getJsonObject(4).getJsonNumber("last_check").longValue());
        assertEquals(5, TimeseriesServers.influxDb().awaitRows(INFLUX_DB,
                "SELECT value FROM load1 WHERE host = '" + host + "'", 5, DELIVERY).size());
    }

    /** InfluxDB answers numbers as JSON numbers of any kind; compare them as long timestamp then doubles. */
    static List<List<Object>> numbers(List<List<Object>> rows) {
        return rows.stream().map(row -> {
            List<Object> converted = new java.util.ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                Object cell = row.get(i);
                converted.add(cell instanceof Number n ? (i == 0 ? (Object) n.longValue() : (Object) n.doubleValue()) : cell);
            }
            return converted;
        }).toList();
    }
}
