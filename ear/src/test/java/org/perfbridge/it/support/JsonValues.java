package org.perfbridge.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the test servers answer (InfluxDB's query results, whisper-fetch's output) as plain Java values:
 * maps, lists, strings, booleans, null, and numbers as {@code Long} when integral (InfluxDB prints 42.0 as 42),
 * else {@code Double}.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** The object the text holds; {@link IllegalArgumentException} when it holds none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject)) {
                throw new IllegalArgumentException("JSON is not an object: " + abbreviate(json));
            }
            return (Map<String, Object>) toJava(value);
        } catch (JsonException e) {
            throw new IllegalArgumentException("invalid JSON: " + abbreviate(json), e);
        }
    }

    static String abbreviate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500) + "...";
    }

    private static Object toJava(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                ((JsonObject) value).forEach((key, member) -> map.put(key, toJava(member)));
                yield map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(element -> list.add(toJava(element)));
                yield list;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue() : ((JsonNumber) value).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
