package org.perfbridge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentJsonTest {

    private static JsonObject readBack(JsonObject shown) {
        try (JsonReader reader = Json.createReader(new StringReader(shown.toString()))) {
            return reader.readObject();
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN})
    void nonFiniteNumberAnOlderVersionStoredIsShownAsNull(double stored) {
        // given a log as an older version stored it, with a number JSON cannot write
        Document log = new Document("host_name", "web1").append("last_check", stored).append("latency", stored)
                .append("perf_data_problems", List.of(new Document("value", stored)));
        // when
        JsonObject shown = readBack(DocumentJson.of(log));
        // then the text is valid JSON, and the field is null instead of a string in a number's place
        assertEquals(JsonValue.NULL, shown.get("last_check"));
        assertEquals(JsonValue.NULL, shown.get("latency"));
        assertEquals(JsonValue.NULL, shown.getJsonArray("perf_data_problems").getJsonObject(0).get("value"));
        assertEquals("web1", shown.getString("host_name"));
    }

    @Test
    void nonFiniteDecimal128IsShownAsNull() {
        JsonObject shown = readBack(DocumentJson.of(new Document("value", Decimal128.POSITIVE_INFINITY)));

        assertEquals(JsonValue.NULL, shown.get("value"));
    }

    @Test
    void finiteNumbersIdsAndDatesAreShownAsBefore() {
        ObjectId id = new ObjectId("6b0676960a0bc69f9f72feb2");
        Document log = new Document("_id", id).append("state_id", 2).append("last_check", 1_795_585_686.25)
                .append("count", 12_000_000_000L).append("acknowledged", true).append("output", null)
                .append("_created", new Date(1_795_585_686_087L));

        JsonObject shown = readBack(DocumentJson.of(log));

        assertEquals(readBack(Json.createObjectBuilder().add("_id", "6b0676960a0bc69f9f72feb2").add("state_id", 2)
                .add("last_check", 1_795_585_686.25).add("count", 12_000_000_000L).add("acknowledged", true)
                .addNull("output").add("_created", "2026-11-25T05:48:06.087Z").build()), shown);
    }
}
