package org.perfbridge.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.ServerSettings;
import org.perfbridge.it.support.FaultyEndpoint;
import org.perfbridge.it.support.TimeseriesServers;

/**
 * Settings changed on the running server through the management API, as the admin console changes them: the next
 * delivery goes to the new place without a redeploy, and {@code /api/settings} shows the value and its source.
 * The new places are proxies in front of the real InfluxDB and carbon, so the points still arrive for real.
 */
class LiveSettingsIT extends DeployedPerfbridge {

    static final String DATABASE = "perfbridge_it";

    @ArquillianResource
    ManagementClient management;

    @Test
    void aNewInfluxDbPortAndGraphiteHostTakeEffectAtTheNextDelivery() throws Exception {
        TimeseriesServers.influxDb().createDatabase(DATABASE);
        InetAddress otherLoopback = InetAddress.getByName("127.0.0.2");
        try (FaultyEndpoint influxProxy = FaultyEndpoint.slowProxy(TimeseriesServers.influxDb().port(), Duration.ZERO);
             FaultyEndpoint carbonProxy = FaultyEndpoint.slowProxy(otherLoopback, TimeseriesServers.CARBON_PICKLE_PORT,
                     TimeseriesServers.CARBON_PICKLE_PORT, Duration.ZERO);
             ServerSettings settings = new ServerSettings(management)
                     .set("influxdb.port", String.valueOf(influxProxy.port())).set("graphite.host", "127.0.0.2")) {

            String host = "live-" + UUID.randomUUID().toString().substring(0, 8);
            long lastCheck = System.currentTimeMillis() / 1000 - 30;
            Api.Answer answer = Api.postCheckResults("""
                    {"host_name": "%s", "service_name": "mem", "state": "OK", "last_check": %d, "perf_data": "free=73.5%%;;;0;100"}
                    """.formatted(host, lastCheck));
            assertEquals(201, answer.status(), answer.body());

            List<List<Object>> rows = TimeseriesServers.influxDb().awaitRows(DATABASE,
                    "SELECT value FROM \"free\" WHERE host = '" + host + "'", 1, Duration.ofSeconds(30));
            assertEquals(73.5, ((Number) rows.get(0).get(1)).doubleValue());
            assertEquals(Map.of(lastCheck, 73.5), TimeseriesServers.carbon()
                    .awaitDatapoints("All." + host + ".mem.free", lastCheck, lastCheck, 1, Duration.ofSeconds(30)));
            assertTrue(influxProxy.connectionsAccepted() > 0, "the point went by the new InfluxDB port");
            assertTrue(carbonProxy.connectionsAccepted() > 0, "the point went by the new Graphite host");

            Api.Answer read = Api.answer(Api.as(Api.READER[0], Api.READER[1]).path("settings").request().get());
            assertEquals(200, read.status(), "a reader sees the settings: " + read.body());
            Map<String, JsonObject> listed = read.json().getJsonArray("settings").getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.toMap(entry -> entry.getString("name"), entry -> entry));
            assertEquals(String.valueOf(influxProxy.port()), listed.get("influxdb.port").getString("value"));
            assertEquals("system property", listed.get("influxdb.port").getString("source"));
            assertEquals("127.0.0.2", listed.get("graphite.host").getString("value"));
            assertEquals("****", listed.get("influxdb.password").getString("value"));
        }
    }
}
