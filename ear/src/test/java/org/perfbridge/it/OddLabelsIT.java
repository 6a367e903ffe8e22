package org.perfbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.perfbridge.it.support.CarbonServer;
import org.perfbridge.it.support.InfluxDbServer;
import org.perfbridge.it.support.TimeseriesServers;

/** Labels with every awkward character reach the real carbon and InfluxDB under the names the README promises. */
class OddLabelsIT extends DeployedPerfbridge {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String LONG_LABEL = "L".repeat(300);

    /** Label as the plugin meant it → the Graphite level it becomes. */
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("disk space", "disk_space");
        LABELS.put("a.b.c", "a_b_c");
        LABELS.put("x,y", "x_y");
        LABELS.put("k=v", "k_v");
        LABELS.put("it's", "it_s");
        LABELS.put("C:\\ used %", "C___used__");
        LABELS.put("temp °C", "temp__C");
        LABELS.put("C:\\", "C__");
        LABELS.put("quote\"d", "quote_d");
        LABELS.put("ünïcødé", "_n_c_d_");
        LABELS.put("/var/log", "_var_log");
        LABELS.put(LONG_LABEL, null);
    }

    /** InfluxDB 1.x cannot store a backslash before a space or at the end of a name: it becomes a slash. */
    static final Map<String, String> INFLUX_NAMES = Map.of("C:\\ used %", "C:/ used %", "C:\\", "C:/");

    @Test
    void everyOddLabelRoundTripsThroughCarbonAndInfluxDb() {
        String host = "odd-" + UUID.randomUUID().toString().substring(0, 8);
        long lastCheck = System.currentTimeMillis() / 1000 - 60;
        StringBuilder perfdata = new StringBuilder();
        Map<String, Double> expectedInflux = new TreeMap<>();
        int i = 0;
        for (String label : LABELS.keySet()) {
            i++;
            perfdata.append('\'').append(label.replace("'", "''")).append("'=").append(i).append(".5 ");
            expectedInflux.put(INFLUX_NAMES.getOrDefault(label, label), i + 0.5);
        }

        Api.Answer answer = Api.postCheckResults(jsonObject(host, lastCheck, perfdata.toString()));

        assertEquals(201, answer.status(), answer.body());
        InfluxDbServer influx = TimeseriesServers.influxDb();
        Eventually.await("all measurements of " + host, () -> valuesByMeasurementOnceCreated(influx, host),
                found -> found.size() == LABELS.size(), WAIT);
        assertEquals(expectedInflux, valuesByMeasurement(influx, host));

        CarbonServer carbon = TimeseriesServers.carbon();
        String base = "All." + host + ".odd.";
        i = 0;
        for (Map.Entry<String, String> label : LABELS.entrySet()) {
            i++;
            if (label.getValue() != null) {
                assertEquals(Map.of(lastCheck, i + 0.5), carbon.awaitDatapoints(base + label.getValue(), lastCheck, lastCheck, 1, WAIT),
                        label.getKey());
            }
        }
        String longPath = Eventually.await("the long label's whisper file",
                () -> carbon.metricPaths().stream().filter(path -> path.startsWith(base + "L".repeat(200) + "_")).findFirst(),
                java.util.Optional::isPresent, WAIT).orElseThrow();
        assertEquals(Map.of(lastCheck, LABELS.size() + 0.5), carbon.awaitDatapoints(longPath, lastCheck, lastCheck, 1, WAIT));
    }

    private static Map<String, Double> valuesByMeasurementOnceCreated(InfluxDbServer influx, String host) {
        try {
            return valuesByMeasurement(influx, host);
        } catch (IllegalStateException databaseNotCreatedYet) {
            return Map.of();
        }
    }

    private static Map<String, Double> valuesByMeasurement(InfluxDbServer influx, String host) {
        Map<String, Double> values = new TreeMap<>();
        for (InfluxDbServer.Series series : influx.querySeries(PipelineEndToEndIT.INFLUX_DB,
                "SELECT value FROM /.*/ WHERE host = '" + host + "'")) {
            values.put(series.name(), ((Number) series.values().get(0).get(1)).doubleValue());
        }
        return values;
    }

    private static String jsonObject(String host, long lastCheck, String perfdata) {
        return jakarta.json.Json.createObjectBuilder()
                .add("host_name", host).add("service_name", "odd").add("state", "OK")
                .add("last_check", lastCheck).add("perf_data", perfdata).build().toString();
    }
}
