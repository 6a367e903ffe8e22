package org.perfbridge.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
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

/** InfluxDB taking seconds per write: ingest answers as fast as ever, the backlog waits in the JMS queue, and all of it arrives. */
class SlowSinkIT extends DeployedPerfbridge {

    static final int CHECKS = 60;

    @ArquillianResource
    ManagementClient management;

    @Test
    void slowInfluxDbHoldsNoIngestUpAndGetsEveryPointInTheEnd() throws Exception {
        InfluxDbServer influx = TimeseriesServers.influxDb();
        influx.createDatabase(SinkFaultsIT.DB);
        String host = "slow-" + UUID.randomUUID().toString().substring(0, 8);
        long first = System.currentTimeMillis() / 1000 - 500;
        long slowestPostMs = 0;
        long deepestQueue = 0;
        try (FaultyEndpoint slow = FaultyEndpoint.slowProxy(influx.port(), Duration.ofSeconds(2));
             ServerSettings settings = new ServerSettings(management).set("influxdb.port", String.valueOf(slow.port()))) {
            for (int i = 0; i < CHECKS; i++) {
                long started = System.nanoTime();
                assertEquals(201, SinkFaultsIT.post(host, first + i, "w=" + i).status());
                slowestPostMs = Math.max(slowestPostMs, Duration.ofNanos(System.nanoTime() - started).toMillis());
                if (i % 10 == 9) {
                    deepestQueue = Math.max(deepestQueue, Api.status().getJsonObject("queue").getInt("depth"));
                }
            }
            assertTrue(slowestPostMs < 1000, "slowest POST took " + slowestPostMs + " ms while InfluxDB took 2 s per write");
            assertTrue(deepestQueue > 0, "the backlog waited in the JMS queue");
        }

        Api.awaitQueueDrained(Api::status, Duration.ofSeconds(90));
        Api.redeliverNow();
        assertEquals(0, Store.retainedFor("influxdb", host));
        assertEquals(CHECKS, influx.awaitRows(SinkFaultsIT.DB, "SELECT value FROM w WHERE host = '" + host + "'", CHECKS,
                Duration.ofSeconds(30)).size());
    }
}
