package org.perfbridge.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

/** Retention keeps series in order, lets one server at a time redeliver a sink, and stays within its bounds. */
class RetentionRobustnessIT extends DeployedPerfbridge {

    static final Duration WAIT = Duration.ofSeconds(30);

    @ArquillianResource
    ManagementClient management;

    static InfluxDbServer influxDbWithTheDatabase() throws java.io.IOException {
        InfluxDbServer influx = TimeseriesServers.influxDb();
        influx.createDatabase(SinkFaultsIT.DB);
        return influx;
    }

    /**
     * Posts one check result for a new host while InfluxDB is stopped and waits until its point is retained; InfluxDB
     * is started again. Returns the host.
     */
    static String hostWithAPointRetained(InfluxDbServer influx, String hostPrefix, long lastCheck, String perfdata) {
        String host = hostPrefix + UUID.randomUUID().toString().substring(0, 8);
        influx.stop();
        try {
            assertEquals(201, SinkFaultsIT.post(host, lastCheck, perfdata).status());
            Eventually.await("the point retained", () -> Store.retainedFor("influxdb", host), n -> n == 1L, WAIT);
        } finally {
            influx.start();
        }
        return host;
    }

    @Test
    void newPointsQueueBehindRetainedOnesSoTheSeriesArrivesInOrder() throws Exception {
        InfluxDbServer influx = influxDbWithTheDatabase();
        long first = System.currentTimeMillis() / 1000 - 100;
        String host = hostWithAPointRetained(influx, "order-", first, "q=1");

        // InfluxDB is back, but the older point still waits: the newer one must not overtake it
        assertEquals(201, SinkFaultsIT.post(host, first + 1, "q=2").status());
        Eventually.await("the newer point queued behind it", () -> Store.retainedFor("influxdb", host), n -> n == 2L, WAIT);
        assertTrue(influx.query(SinkFaultsIT.DB, "SELECT value FROM q WHERE host = '" + host + "'").isEmpty(),
                "nothing reached InfluxDB out of order");

        Api.redeliverNow();

        assertEquals(List.of(List.of(first, 1.0), List.of(first + 1, 2.0)), SinkFaultsIT.values(influx, "q", host));
        assertEquals(201, SinkFaultsIT.post(host, first + 2, "q=3").status());
        assertEquals(3, influx.awaitRows(SinkFaultsIT.DB, "SELECT value FROM q WHERE host = '" + host + "'", 3, WAIT).size(),
                "with retention drained, points go straight to InfluxDB again");
        assertEquals(0, Store.retainedFor("influxdb", host));
    }

    @Test
    void redeliveryAskedForWhileARunIsUnderWayIsToldSoAndTheRunSendsThePoint() throws Exception {
        InfluxDbServer influx = influxDbWithTheDatabase();
        long at = System.currentTimeMillis() / 1000 - 85;
        String host = hostWithAPointRetained(influx, "busy-", at, "b=1");
        try (FaultyEndpoint slow = FaultyEndpoint.slowProxy(influx.port(), Duration.ofSeconds(3));
             ServerSettings settings = new ServerSettings(management).set("influxdb.port", String.valueOf(slow.port()))) {
            CompletableFuture<Api.Answer> first = CompletableFuture.supplyAsync(() -> redelivery());
            Eventually.await("the first run reached InfluxDB", slow::connectionsAccepted, n -> n > 0, WAIT);

            Api.Answer second = redelivery();

            assertEquals(409, second.status(), second.body());
            assertTrue(second.body().contains("a redelivery run is under way"), second.body());
            Api.Answer firstAnswer = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(200, firstAnswer.status(), firstAnswer.body());
            assertEquals(1, firstAnswer.json().getJsonObject("redelivered").getInt("influxdb"), firstAnswer.body());
        }
        assertEquals(0, Store.retainedFor("influxdb", host));
        assertEquals(List.of(List.of(at, 1.0)), SinkFaultsIT.values(influx, "b", host));
    }

    private static Api.Answer redelivery() {
        return Api.post("timeseriesretention/redelivery", new byte[0], MediaType.APPLICATION_JSON);
    }

    @Test
    void whileAnotherServerHoldsTheLeaseThisOneSendsNothing() throws Exception {
        InfluxDbServer influx = influxDbWithTheDatabase();
        long at = System.currentTimeMillis() / 1000 - 90;
        String host = hostWithAPointRetained(influx, "lease-", at, "l=1");
        var leases = Store.database().getCollection("redeliverylease");
        leases.deleteOne(new Document("_id", "influxdb"));
        leases.insertOne(new Document("_id", "influxdb").append("holder", "another-server")
                .append("until", new Date(System.currentTimeMillis() + 600_000)));
        try {
            Api.redeliverNow();

            assertEquals(1, Store.retainedFor("influxdb", host), "the other server's lease kept this one from sending");
            assertTrue(influx.query(SinkFaultsIT.DB, "SELECT value FROM l WHERE host = '" + host + "'").isEmpty());

            // the other server died: its lease expires
            leases.updateOne(new Document("_id", "influxdb"), new Document("$set", new Document("until", new Date(0))));
            Api.redeliverNow();
        } finally {
            leases.deleteOne(new Document("_id", "influxdb").append("holder", "another-server"));
        }

        assertEquals(0, Store.retainedFor("influxdb", host));
        assertEquals(List.of(List.of(at, 1.0)), SinkFaultsIT.values(influx, "l", host));
    }

    @Test
    void pointsBeyondTheBoundsAreDroppedAndCounted() throws Exception {
        InfluxDbServer influx = influxDbWithTheDatabase();
        String host = "bounds-" + UUID.randomUUID().toString().substring(0, 8);
        long now = System.currentTimeMillis() / 1000;
        Api.redeliverNow();
        assertEquals(0, Store.retention().countDocuments(new Document("sink", "influxdb")), "the bounds count all of a sink's points");
        long droppedBefore = SinkFaultsIT.sinkStatus("influxdb").getJsonNumber("points_dropped_by_retention_bounds").longValue();
        influx.stop();
        try (ServerSettings settings = new ServerSettings(management)
                .set("retention.max_age_hours", "1").set("retention.max_points_per_sink", "3")) {
            assertEquals(201, SinkFaultsIT.post(host, now - 3 * 3600, "b=0").status());
            for (int i = 1; i <= 5; i++) {
                assertEquals(201, SinkFaultsIT.post(host, now - 60 + i, "b=" + i).status());
            }
            Eventually.await("6 points retained", () -> Store.retainedFor("influxdb", host), n -> n == 6L, WAIT);

            Api.redeliverNow();

            assertEquals(3, Store.retainedFor("influxdb", host), "one too old and the two oldest beyond 3 were dropped");
            long dropped = SinkFaultsIT.sinkStatus("influxdb").getJsonNumber("points_dropped_by_retention_bounds").longValue();
            assertEquals(3, dropped - droppedBefore);
        } finally {
            influx.start();
        }

        Api.redeliverNow();

        assertEquals(List.of(List.of(now - 57, 3.0), List.of(now - 56, 4.0), List.of(now - 55, 5.0)),
                SinkFaultsIT.values(influx, "b", host), "the newest three, the ones kept, were delivered");
    }
}
