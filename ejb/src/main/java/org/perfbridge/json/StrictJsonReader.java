package org.perfbridge.json;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one JSON object or array from a request body, refusing what JSON readers disagree on or what only costs:
 * bytes that are not UTF-8 (they would be replaced silently), anything after the value, nesting deeper than
 * {@value #MAX_DEPTH} and numbers longer than {@value #MAX_NUMBER_LENGTH} characters. A key that stands twice in
 * one object is reported in the {@link JsonText}, for the caller to name it.
 * A failure of the stream itself escapes as {@link UncheckedIOException}.
 */
public final class StrictJsonReader {

    /** A check result body nests 2 deep (an array of objects); the rest leaves room to name a field of the wrong type. */
    public static final int MAX_DEPTH = 16;
    /** A double holds 17 significant digits. The parser's own limits (1,000 levels, 1,100 digits) end in a 500. */
    public static final int MAX_NUMBER_LENGTH = 100;

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final JsonParser parser;
    private final List<String> path = new ArrayList<>();
    private final List<JsonText.DuplicateKey> duplicateKeys = new ArrayList<>();

    private StrictJsonReader(JsonParser parser) {
        this.parser = parser;
    }

    public static JsonText read(InputStream body) {
        try (JsonParser parser = JSON.createParser(utf8WithoutByteOrderMark(body))) {
            return new StrictJsonReader(parser).text();
        } catch (JsonParsingException e) {
            throw new UnreadableJsonException("malformed JSON " + at(e.getLocation()) + ": " + e.getMessage());
        } catch (JsonException e) {
            if (e.getCause() instanceof IOException failure) {
                throw unreadable(failure);
            }
            throw new UnreadableJsonException("malformed JSON: " + e.getMessage());
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private static RuntimeException unreadable(IOException failure) {
        if (failure instanceof CharacterCodingException) {
            return new UnreadableJsonException("the body is not UTF-8 text (RFC 8259)");
        }
        return new UncheckedIOException(failure);
    }

    private JsonText text() {
        JsonValue value = value(parser.next(), 1);
        if (!(value instanceof JsonStructure structure)) {
            throw new UnreadableJsonException("the body must be a JSON object or array, not "
                    + value.getValueType().name().toLowerCase(Locale.ROOT));
        }
        if (parser.hasNext()) {
            throw new UnreadableJsonException("content after the JSON value " + at(parser.getLocation()));
        }
        return new JsonText(structure, duplicateKeys);
    }

    private JsonValue value(JsonParser.Event event, int depth) {
        return switch (event) {
            case START_OBJECT -> object(nested(depth));
            case START_ARRAY -> array(nested(depth));
            case VALUE_NUMBER -> number();
            default -> parser.getValue();
        };
    }

    private int nested(int depth) {
        if (depth > MAX_DEPTH) {
            throw new UnreadableJsonException("JSON nested deeper than " + MAX_DEPTH + " levels " + at(parser.getLocation()));
        }
        return depth;
    }

    private JsonValue number() {
        String number = parser.getString();
        if (number.length() > MAX_NUMBER_LENGTH) {
            throw new UnreadableJsonException("a number of " + number.length() + " characters " + at(parser.getLocation())
                    + ", at most " + MAX_NUMBER_LENGTH + " are read");
        }
        return parser.getValue();
    }

    private JsonValue object(int depth) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String key = parser.getString();
            path.add(key);
            JsonValue value = value(parser.next(), depth + 1);
            path.remove(path.size() - 1);
            if (keys.add(key)) {
                object.add(key, value);
            } else if (reported.add(key)) {
                duplicateKeys.add(new JsonText.DuplicateKey(path, key));
            }
        }
        return object.build();
    }

    private JsonValue array(int depth) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        int index = 0;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            path.add(Integer.toString(index++));
            array.add(value(event, depth + 1));
            path.remove(path.size() - 1);
        }
        return array.build();
    }

    private static Reader utf8WithoutByteOrderMark(InputStream body) throws IOException {
        PushbackReader text = new PushbackReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        int first = text.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) {
            text.unread(first);
        }
        return text;
    }

    private static String at(JsonLocation location) {
        return "at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }
}
