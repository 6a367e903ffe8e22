package org.perfbridge.sink;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** The JMS text message body: a JSON array with the perfdata of every check result of one request; a host check's service is "". */
public final class PerfdataMessage {

    private PerfdataMessage() {
    }

    public static String encode(List<CheckPerfdata> checks) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (CheckPerfdata check : checks) {
            array.add(JSON.createObjectBuilder()
                    .add("realm", check.realm())
                    .add("host", check.host())
                    .add("service", check.service() == null ? "" : check.service())
                    .add("timestamp", check.timestamp())
                    .add("perf_data", check.perfData()));
        }
        return array.build().toString();
    }

    public static List<CheckPerfdata> decode(String text) {
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonArray array = reader.readArray();
            List<CheckPerfdata> checks = new ArrayList<>(array.size());
            for (JsonObject check : array.getValuesAs(JsonObject.class)) {
                String service = check.getString("service");
                checks.add(new CheckPerfdata(check.getString("realm"), check.getString("host"), service.isEmpty() ? null : service,
                        check.getJsonNumber("timestamp").longValue(), check.getString("perf_data")));
            }
            return checks;
        }
    }
}
