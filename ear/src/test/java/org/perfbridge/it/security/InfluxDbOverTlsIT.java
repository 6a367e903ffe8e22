package org.perfbridge.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.Api;
import org.perfbridge.it.DeployedPerfbridge;
import org.perfbridge.it.ServerSettings;
import org.perfbridge.it.Store;
import org.perfbridge.it.support.InfluxDbServer;
import org.perfbridge.it.support.TimeseriesServers;

/** With influxdb.ssl, points travel to InfluxDB over https, and the certificate is checked against the JVM's trust store. */
class InfluxDbOverTlsIT extends DeployedPerfbridge {

    @ArquillianResource
    ManagementClient management;

    @Test
    void pointsReachAnInfluxDbServedOverTls() throws Exception {
        InfluxDbServer influx = TimeseriesServers.influxDbOverTls();
        String host = "tls-" + UUID.randomUUID().toString().substring(0, 8);
        long lastCheck = System.currentTimeMillis() / 1000 - 30;
        try (ServerSettings settings = new ServerSettings(management)
                .set("influxdb.ssl", "true").set("influxdb.port", String.valueOf(influx.port()))) {

            Api.Answer answer = Api.postCheckResults("""
                    {"host_name": "%s", "service_name": "https", "state": "OK", "last_check": %d, "perf_data": "time=0.25s;1;2;0"}
                    """.formatted(host, lastCheck));

            assertEquals(201, answer.status(), answer.body());
            List<List<Object>> rows = influx.awaitRows("perfbridge_it", "SELECT value FROM \"time\" WHERE host = '" + host + "'",
                    1, Duration.ofSeconds(30));
            assertEquals(1, rows.size(), "the point reached the TLS InfluxDB");
            assertEquals(0.25, ((Number) rows.get(0).get(1)).doubleValue());
            assertEquals(0, Store.retainedFor("influxdb", host), "nothing was retained: TLS worked at once");
        }
    }
}
