package org.perfbridge.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perfbridge.it.Api;
import org.perfbridge.it.Eventually;
import org.perfbridge.it.support.InfluxDbServer;
import org.perfbridge.it.support.TimeseriesServers;
import org.perfbridge.it.support.WildFlyProcess;

/**
 * WildFly killed with SIGKILL during a steady load, then started again: every check result that got a 201 is in
 * the log once, and each of its points reaches InfluxDB and carbon. Runs its own server (see crash-test-settings.cli).
 */
@ExtendWith(TimeseriesServers.class)
class WildFlyCrashIT {

    static final String API = "http://127.0.0.1:8380/api";
    static final WebTarget CRASH_SERVER = Api.at(API, Api.ADMIN[0], Api.ADMIN[1]);

    @Test
    void checkResultsThatGot201SurviveAKillDashNine() throws Exception {
        InfluxDbServer influx = TimeseriesServers.influxDb();
        influx.createDatabase(SinkFaultsIT.DB);
        WildFlyProcess server = server();
        String host = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        long first = System.currentTimeMillis() / 1000 - 700;
        Map<Integer, String> accepted = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService load = Executors.newSingleThreadExecutor();
        // the load benchmark runs this server too: its logs would make the counts below read hundreds of thousands of documents
        server.deleteEmbeddedStore();
        server.start(Duration.ofSeconds(120));
        try {
            Future<Integer> sent = load.submit(() -> {
                int i = 0;
                for (; !stop.get(); i++) {
                    try {
                        Api.Answer answer = post(host, first + i, i);
                        if (answer.status() == 201) {
                            accepted.put(i, answer.json().getString("_id"));
                        }
                    } catch (RuntimeException connectionLost) {
                        // the server is gone: this one got no 201
                    }
                    Thread.sleep(10);
                }
                return i;
            });
            Eventually.await("some check results accepted", accepted::size, n -> n >= 100, Duration.ofSeconds(60));

            server.kill();
            stop.set(true);
            int posted = sent.get();
            server.start(Duration.ofSeconds(120));

            Api.awaitQueueDrained(WildFlyCrashIT::status, Duration.ofSeconds(60));
            answer(CRASH_SERVER.path("timeseriesretention/redelivery").request().post(Entity.json("")));

            List<JsonObject> logs = answer(CRASH_SERVER.path("logcheckresult").queryParam("host_name", host)
                    .queryParam("max_results", 1000).request().get()).json().getJsonArray("_items").getValuesAs(JsonObject.class);
            Set<String> loggedIds = new HashSet<>();
            Set<Long> loggedChecks = new HashSet<>();
            for (JsonObject log : logs) {
                loggedIds.add(log.getString("_id"));
                assertTrue(loggedChecks.add(log.getJsonNumber("last_check").longValue()), "logged twice: " + log);
            }
            assertTrue(loggedIds.containsAll(accepted.values()), "every 201 is in the log");
            assertTrue(logs.size() <= posted, "nothing invented");

            Map<Long, Double> expected = new TreeMap<>();
            accepted.keySet().forEach(i -> expected.put(first + i, (double) i));
            Map<Long, Double> inInflux = new TreeMap<>();
            Eventually.await("every accepted point in InfluxDB", () -> {
                inInflux.clear();
                influx.query(SinkFaultsIT.DB, "SELECT value FROM k WHERE host = '" + host + "'")
                        .forEach(row -> inInflux.put(((Number) row.get(0)).longValue(), ((Number) row.get(1)).doubleValue()));
                return inInflux.keySet().containsAll(expected.keySet());
            }, done -> done, Duration.ofSeconds(30));
            inInflux.keySet().retainAll(expected.keySet());
            assertEquals(expected, inInflux);
            Map<Long, Double> inCarbon = new TreeMap<>(TimeseriesServers.carbon().awaitDatapoints("All." + host + ".s.k",
                    first, first + posted, expected.size(), Duration.ofSeconds(30)));
            inCarbon.keySet().retainAll(expected.keySet());
            assertEquals(expected, inCarbon);
        } finally {
            stop.set(true);
            load.shutdownNow();
            server.stop();
        }
    }

    /** This test's own server; other tests that need a server of their own start it too, one after the other. */
    static WildFlyProcess server() {
        return new WildFlyProcess(Path.of(System.getProperty("it.crash.wildfly.home")), URI.create(API + "/status"));
    }

    private static Api.Answer post(String host, long lastCheck, int value) {
        return Api.answer(CRASH_SERVER.path("logcheckresult").request().post(Entity.entity("""
                {"host_name": "%s", "service_name": "s", "state": "OK", "last_check": %d, "perf_data": "k=%d"}"""
                .formatted(host, lastCheck, value), MediaType.APPLICATION_JSON)));
    }

    private static JsonObject status() {
        return answer(CRASH_SERVER.path("status").request().get()).json();
    }

    private static Api.Answer answer(jakarta.ws.rs.core.Response response) {
        Api.Answer answer = Api.answer(response);
        if (answer.status() >= 300) {
            throw new AssertionError("crash server answered " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
