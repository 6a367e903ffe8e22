package org.perfbridge.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perfbridge.config.Setting;
import org.perfbridge.it.Api;
import org.perfbridge.it.support.TimeseriesServers;
import org.perfbridge.it.support.WildFlyProcess;

/**
 * The in-memory store (mongo.embedded.in_memory) keeps only about its newest logs
 * (mongo.embedded.in_memory_max_logs), so it cannot fill the heap. Runs the crash test's own server with both set.
 */
@ExtendWith(TimeseriesServers.class)
class InMemoryStoreIT {

    static final WebTarget SERVER = Api.at(WildFlyCrashIT.API, Api.ADMIN[0], Api.ADMIN[1]);
    static final Setting IN_MEMORY = Setting.MONGO_EMBEDDED_IN_MEMORY;
    static final Setting MAX_LOGS_SETTING = Setting.MONGO_EMBEDDED_IN_MEMORY_MAX_LOGS;
    static final int MAX_LOGS = 1500;
    static final int DELETE_BATCH = 1000;

    @Test
    void keepsTheNewestLogsUpToItsBound() {
        WildFlyProcess server = WildFlyCrashIT.server();
        server.setSystemProperties(Map.of(IN_MEMORY.propertyName(), "true", MAX_LOGS_SETTING.propertyName(), String.valueOf(MAX_LOGS)));
        try {
            server.start(Duration.ofSeconds(120));
            String host = "memory-" + UUID.randomUUID().toString().substring(0, 8);
            int posted = 0;
            for (int batch = 0; batch < 40; batch++, posted += 100) {
                post(host, posted, 100);
            }
            assertTrue(status().getJsonObject("mongo").getBoolean("in_memory"), "the server runs the in-memory store");

            long kept = logsOf(host, "svc" + (posted - 1)).getJsonObject("_meta").getJsonNumber("total").longValue();
            assertEquals(1, kept, "the newest is kept");
            assertEquals(0, logsOf(host, "svc0").getJsonObject("_meta").getJsonNumber("total").longValue(), "the oldest is gone");
            long total = logsOf(host, null).getJsonObject("_meta").getJsonNumber("total").longValue();
            assertTrue(total >= MAX_LOGS && total < MAX_LOGS + DELETE_BATCH, "logs kept: " + total);
        } finally {
            server.stop();
            server.setSystemProperties(Map.of(IN_MEMORY.propertyName(), IN_MEMORY.defaultValue(),
                    MAX_LOGS_SETTING.propertyName(), MAX_LOGS_SETTING.defaultValue()));
        }
    }

    private static void post(String host, int first, int count) {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (int i = first; i < first + count; i++) {
            batch.add("""
                    {"host_name": "%s", "service_name": "svc%d", "state": "OK", "perf_data": "k=%d"}""".formatted(host, i, i));
        }
        Api.Answer answer = Api.answer(SERVER.path("logcheckresult").request()
                .post(Entity.entity(batch.toString(), MediaType.APPLICATION_JSON)));
        assertEquals(201, answer.status(), answer.body());
    }

    private static JsonObject logsOf(String host, String service) {
        WebTarget target = SERVER.path("logcheckresult").queryParam("host_name", host).queryParam("max_results", 1);
        if (service != null) {
            target = target.queryParam("service_name", service);
        }
        Api.Answer answer = Api.answer(target.request().get());
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static JsonObject status() {
        Api.Answer answer = Api.answer(SERVER.path("status").request().get());
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }
}
