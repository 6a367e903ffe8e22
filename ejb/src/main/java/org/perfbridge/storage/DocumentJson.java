package org.perfbridge.storage;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import org.bson.types.ObjectId;

/** Turns a stored document into the JSON the API shows: ids as hex strings, dates as ISO-8601 text, a non-finite number as null. */
public final class DocumentJson {

    private DocumentJson() {
    }

    public static JsonObject of(Map<String, Object> document) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        document.forEach((key, value) -> object.add(key, value(value)));
        return object.build();
    }

    /** About how many characters the document's JSON takes, without making it. */
    public static long approximateLength(Map<String, Object> document) {
        long length = 2;
        for (Map.Entry<String, Object> field : document.entrySet()) {
            length += field.getKey().length() + 4 + approximateLengthOf(field.getValue());
        }
        return length;
    }

    @SuppressWarnings("unchecked")
    private static long approximateLengthOf(Object value) {
        if (value instanceof String text) {
            return text.length() + 2;
        }
        if (value instanceof Map<?, ?> map) {
            return approximateLength((Map<String, Object>) map);
        }
        if (value instanceof Collection<?> list) {
            long length = 2;
            for (Object element : list) {
                length += approximateLengthOf(element) + 1;
            }
            return length;
        }
        return 24;
    }

    @SuppressWarnings("unchecked")
    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String text) {
            return JSON.createValue(text);
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            // A store filled by an older version may hold NaN or Infinity, which JSON has no number for; a string in a
            // number's place would break a client that reads the field as a number.
            double d = number.doubleValue();
            return Double.isFinite(d) ? JSON.createValue(d) : JsonValue.NULL;
        }
        if (value instanceof ObjectId id) {
            return JSON.createValue(id.toHexString());
        }
        if (value instanceof Date date) {
            return JSON.createValue(date.toInstant().toString());
        }
        if (value instanceof Map<?, ?> map) {
            return of((Map<String, Object>) map);
        }
        if (value instanceof Collection<?> list) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            list.forEach(element -> array.add(value(element)));
            return array.build();
        }
        return JSON.createValue(value.toString());
    }
}
