package org.perfbridge.storage;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.bson.types.ObjectId;

/** Turns a stored document into the JSON the API shows: ids as hex strings, dates as ISO-8601 text. */
public final class DocumentJson {

    private DocumentJson() {
    }

    public static JsonObject of(Map<String, Object> document) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        document.forEach((key, value) -> object.add(key, value(value)));
        return object.build();
    }

    @SuppressWarnings("unchecked")
    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String text) {
            return Json.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? Json.createValue(d) : Json.createValue(Double.toString(d));
        }
        if (value instanceof ObjectId id) {
            return Json.createValue(id.toHexString());
        }
        if (value instanceof Date date) {
            return Json.createValue(date.toInstant().toString());
        }
        if (value instanceof Map<?, ?> map) {
            return of((Map<String, Object>) map);
        }
        if (value instanceof Collection<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(element -> array.add(value(element)));
            return array.build();
        }
        return Json.createValue(value.toString());
    }
}
