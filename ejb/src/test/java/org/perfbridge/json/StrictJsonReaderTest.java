package org.perfbridge.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonReaderTest {

    private static JsonText read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonText read(byte[] bytes) {
        return StrictJsonReader.read(new ByteArrayInputStream(bytes));
    }

    private static String refusal(String text) {
        return assertThrows(UnreadableJsonException.class, () -> read(text)).getMessage();
    }

    private static JsonStructure parsedPlainly(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"host_name\":\"web1\",\"state\":\"UP\",\"last_check\":1700000000.25,\"acknowledged\":false,\"output\":null}",
            "[{\"host_name\":\"a\",\"state\":\"UP\"},{\"host_name\":\"b\",\"state\":\"DOWN\",\"state_id\":1}]",
            "[]",
            " \n\t{ \"a\" : [1, -2.5e3, \"x\\u00e9\", true, {\"b\": []}] } \n"})
    void readsWhatAPlainReaderReadsWhenNothingIsAmiss(String text) {
        // when
        JsonText read = read(text);
        // then
        assertEquals(parsedPlainly(text), read.value());
        assertEquals(List.of(), read.duplicateKeys());
    }

    @Test
    void nestingBeyondTheLimitIsRefusedNamingTheLimit() {
        // given the body of the sweep: 100,000 nested arrays, which the parser itself refused with a 500
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        // when
        String message = refusal(nested);
        // then
        assertEquals("JSON nested deeper than 16 levels at line 1, column 18", message);
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        String nested = "[".repeat(StrictJsonReader.MAX_DEPTH) + "]".repeat(StrictJsonReader.MAX_DEPTH);

        assertEquals(parsedPlainly(nested), read(nested).value());
    }

    @Test
    void nestingOfObjectsCountsLikeArrays() {
        String nested = "{\"a\":".repeat(StrictJsonReader.MAX_DEPTH + 1) + "1" + "}".repeat(StrictJsonReader.MAX_DEPTH + 1);

        assertTrue(refusal(nested).startsWith("JSON nested deeper than 16 levels at line 1"), refusal(nested));
    }

    @Test
    void keyTwiceInOneObjectIsReportedWithThePathToItsObjectAndTheFirstValueKept() {
        // when
        JsonText read = read("[{\"host_name\":\"a\",\"state\":\"UP\"},{\"host_name\":\"x\",\"host_name\":\"y\",\"state\":\"UP\"}]");
        // then
        assertEquals(List.of(new JsonText.DuplicateKey(List.of("1"), "host_name")), read.duplicateKeys());
        assertEquals("x", read.value().asJsonArray().getJsonObject(1).getString("host_name"));
    }

    @Test
    void keyThreeTimesIsReportedOnceAndEachRepeatedKeyOnItsOwn() {
        JsonText read = read("{\"a\":1,\"b\":1,\"a\":2,\"a\":3,\"b\":2}");

        assertEquals(List.of(new JsonText.DuplicateKey(List.of(), "a"), new JsonText.DuplicateKey(List.of(), "b")),
                read.duplicateKeys());
    }

    @Test
    void keyTwiceInANestedObjectIsReportedWithItsPath() {
        JsonText read = read("{\"output\":[0,{\"$ne\":null,\"$ne\":1}]}");

        assertEquals(List.of(new JsonText.DuplicateKey(List.of("output", "1"), "$ne")), read.duplicateKeys());
    }

    @Test
    void sameKeyInTwoObjectsIsNoDuplicate() {
        assertEquals(List.of(), read("[{\"host_name\":\"a\"},{\"host_name\":\"a\"}]").duplicateKeys());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1} {\"a\":2}  | Expected EOF token, but got CURLYOPEN",
            "[1] x              | Unexpected char 120",
            "{}]                | Expected EOF token, but got SQUARECLOSE"})
    void contentAfterTheValueIsRefused(String text, String reason) {
        String message = refusal(text);

        assertTrue(message.startsWith("malformed JSON at line 1, column "), message);
        assertTrue(message.contains(reason), message);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "42     | number",
            "\"x\"  | string",
            "null   | null",
            "true   | true"})
    void bodyThatIsNoObjectOrArrayIsRefused(String text, String type) {
        assertEquals("the body must be a JSON object or array, not " + type, refusal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{\"host_name\":", "{\"a\":tru}"})
    void emptyOrTruncatedBodyIsMalformed(String text) {
        assertTrue(refusal(text).startsWith("malformed JSON at line 1, column "), refusal(text));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedInsteadOfReplaced() {
        // given a host name in ISO-8859-1: é is the single byte 0xE9
        byte[] latin1 = "{\"host_name\":\"caf\u00e9\",\"state\":\"UP\"}".getBytes(StandardCharsets.ISO_8859_1);
        // when
        UnreadableJsonException refused = assertThrows(UnreadableJsonException.class, () -> read(latin1));
        // then
        assertEquals("the body is not UTF-8 text (RFC 8259)", refused.getMessage());
    }

    @Test
    void leadingByteOrderMarkIsSkipped() {
        assertEquals(parsedPlainly("{\"a\":1}"), read("\uFEFF{\"a\":1}").value());
    }

    @Test
    void numberLongerThanTheLimitIsRefused() {
        // given a number of 2,000 digits, which the parser itself refused with a 500
        String text = "{\"last_check\":" + "1".repeat(2000) + "}";
        // when
        String message = refusal(text);
        // then
        assertEquals("a number of 2000 characters at line 1, column 2015, at most 100 are read", message);
    }

    @Test
    void numberOfTheLimitsLengthIsRead() {
        String number = "0." + "1".repeat(StrictJsonReader.MAX_NUMBER_LENGTH - 2);

        assertEquals(parsedPlainly("[" + number + "]"), read("[" + number + "]").value());
    }

    @Test
    void numberBeyondADoubleIsReadAsPostedForTheCallerToJudge() {
        assertEquals("1E+309", read("{\"last_check\":1e309}").value().asJsonObject().getJsonNumber("last_check").toString());
    }

    @Test
    void failureOfTheStreamEscapesAsItIs() {
        // given a stream that fails after the first bytes, as one over the body size limit does
        IOException failure = new IOException("body over the limit");
        InputStream failing = new InputStream() {
            private int left = 3;

            @Override
            public int read() throws IOException {
                if (left-- > 0) {
                    return '[';
                }
                throw failure;
            }
        };
        // when
        UncheckedIOException escaped = assertThrows(UncheckedIOException.class, () -> StrictJsonReader.read(failing));
        // then
        assertSame(failure, escaped.getCause());
    }

    @Test
    void largeValidBodyIsReadWhole() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("[".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 10_000; i++) {
            body.writeBytes(((i == 0 ? "" : ",") + "{\"host_name\":\"h" + i + "\",\"state\":\"UP\"}").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes("]".getBytes(StandardCharsets.UTF_8));

        assertEquals(10_000, read(body.toByteArray()).value().asJsonArray().size());
    }
}
