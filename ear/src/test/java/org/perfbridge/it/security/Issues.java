package org.perfbridge.it.security;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.Arrays;

/** The {@code _issues} of an error answer as a test expects them: one per item, field and reason, in order. */
final class Issues {

    private Issues() {
    }

    static JsonArray of(JsonObject... issues) {
        return Json.createArrayBuilder(Arrays.asList(issues)).build();
    }

    static JsonObject issue(int item, String field, String reason) {
        return Json.createObjectBuilder().add("item", item).add("field", field).add("reason", reason).build();
    }
}
