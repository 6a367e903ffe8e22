package org.perfbridge.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.Eventually;
import org.perfbridge.it.Store;
import org.perfbridge.it.support.CarbonServer;
import org.perfbridge.it.support.InfluxDbServer;
import org.perfbridge.it.support.TimeseriesServers;

/** Under a steady load the sinks are stopped and started again and again; afterwards each point is there exactly once. */
class SinkRestartsIT extends DeployedPerfbridge {

    static final int CHECKS = 120;
    static final Duration INTERVAL = Duration.ofMillis(100);

    @Test
    void everyPointArrivesOnceThoughTheSinksRestartDuringTheLoad() throws Exception {
        InfluxDbServer influx = TimeseriesServers.influxDb();
        CarbonServer carbon = TimeseriesServers.carbon();
        influx.createDatabase(SinkFaultsIT.DB);
        String host = "restarts-" + UUID.randomUUID().toString().substring(0, 8);
        long first = System.currentTimeMillis() / 1000 - 600;
        AtomicBoolean paused = new AtomicBoolean();
        ExecutorService load = Executors.newSingleThreadExecutor();
        Future<?> posting = load.submit(() -> {
            for (int i = 0; i < CHECKS; i++) {
                while (paused.get()) {
                    sleep(Duration.ofMillis(20));
                }
                Api.Answer answer = SinkFaultsIT.post(host, first + i, "r=" + i + ";100;200;0");
                if (answer.status() != 201) {
                    throw new AssertionError("check " + i + " answered " + answer.status() + ": " + answer.body());
                }
                sleep(INTERVAL);
            }
            return null;
        });
        try {
            for (int restart = 0; restart < 3; restart++) {
                sleep(Duration.ofMillis(1200));
                influx.stop();
                sleep(Duration.ofMillis(1200));
                influx.start();
            }
            for (int restart = 0; restart < 2; restart++) {
                sleep(Duration.ofMillis(800));
                // carbon-cache 1.1.7 drops what it received in the second before a stop (its writer sleeps a second
                // between rounds and does not flush on shutdown): let it write that out before stopping it
                paused.set(true);
                sleep(Duration.ofMillis(2500));
                carbon.stop(false);
                paused.set(false);
                sleep(Duration.ofMillis(1200));
                carbon.start();
            }
            posting.get();
        } finally {
            paused.set(false);
            load.shutdownNow();
            if (!influx.isRunning()) {
                influx.start();
            }
            if (!carbon.isRunning()) {
                carbon.start();
            }
        }

        Api.awaitQueueDrained(Api::status, Duration.ofSeconds(60));
        Eventually.await("retention of " + host + " redelivered", () -> {
            Api.redeliverNow();
            return Store.retainedFor("influxdb", host) + Store.retainedFor("graphite", host);
        }, retained -> retained == 0L, Duration.ofSeconds(60));

        Map<Long, Double> expected = new TreeMap<>();
        for (int i = 0; i < CHECKS; i++) {
            expected.put(first + i, (double) i);
        }
        List<List<Object>> rows = influx.query(SinkFaultsIT.DB, "SELECT value FROM r WHERE host = '" + host + "'");
        Map<Long, Double> inInflux = new TreeMap<>();
        rows.forEach(row -> inInflux.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).doubleValue()));
        assertEquals(CHECKS, rows.size(), "one row per point in InfluxDB");
        assertEquals(expected, inInflux);
        assertEquals(expected, carbon.awaitDatapoints("All." + host + ".s.r", first, first + CHECKS - 1, CHECKS, Duration.ofSeconds(30)));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
