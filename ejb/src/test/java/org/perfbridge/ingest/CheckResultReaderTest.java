package org.perfbridge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfbridge.json.JsonText;
import org.perfbridge.json.StrictJsonReader;
import org.perfbridge.perfdata.PerfdataParser;

class CheckResultReaderTest {

    private static final double NOW = 1_700_000_123.5;
    private static final String FORBIDDEN = "`~!$%^&*\"|'<>?,()=";

    private final CheckResultReader reader = new CheckResultReader(3);

    /** Parses JSON written with single quotes for readability. */
    private static JsonStructure json(String text) {
        try (JsonReader jsonReader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return jsonReader.read();
        }
    }

    private List<FieldError> errorsOf(JsonStructure body) {
        return assertThrows(InvalidCheckResultsException.class, () -> reader.read(body, NOW)).errors();
    }

    private static CheckResult minimal(String host, String service, CheckState state, int stateId) {
        return new CheckResult(host, service, state, "HARD", stateId, null, null, null, null, null, NOW,
                null, null, null, null, null, "All", PerfdataParser.parse(null));
    }

    // ---- valid input ----

    @Test
    void singleObjectWithEveryFieldIsReadAsIs() {
        // given
        JsonStructure body = json("{'host_name':'srv1','service_name':'cpu','state':'WARNING','state_type':'SOFT',"
                + "'state_id':1,'last_state':'OK','last_state_type':'HARD','last_state_id':0,'state_changed':true,"
                + "'acknowledged':false,'last_check':1700000000.25,'output':'WARNING - load 4.5',"
                + "'long_output':'line 2','perf_data':'load1=4.5;4;8','latency':0.125,'execution_time':1.5,"
                + "'realm':'All.Europe'}");
        // when
        List<CheckResult> results = reader.read(body, NOW);
        // then
        assertEquals(List.of(new CheckResult("srv1", "cpu", CheckState.WARNING, "SOFT", 1, "OK", "HARD", 0, true, false,
                1_700_000_000.25, "WARNING - load 4.5", "line 2", "load1=4.5;4;8", 0.125, 1.5, "All.Europe",
                PerfdataParser.parse("load1=4.5;4;8"))), results);
    }

    @Test
    void minimalServiceCheckGetsDefaults() {
        List<CheckResult> results = reader.read(json("{'host_name':'srv1','service_name':'http','state':'CRITICAL'}"), NOW);

        // state_type HARD, state_id from the state, last_check now, realm All
        assertEquals(List.of(minimal("srv1", "http", CheckState.CRITICAL, 2)), results);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"OK, 0", "WARNING, 1", "CRITICAL, 2", "UNKNOWN, 3"})
    void serviceStateIdIsDerivedFromTheState(CheckState state, int stateId) {
        List<CheckResult> results = reader.read(json("{'host_name':'srv1','service_name':'s','state':'" + state + "'}"), NOW);

        assertEquals(List.of(minimal("srv1", "s", state, stateId)), results);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({"UP, 0", "DOWN, 1", "UNREACHABLE, 2"})
    void hostCheckStateIdIsDerivedFromTheState(CheckState state, int stateId) {
        List<CheckResult> results = reader.read(json("{'host_name':'router1','state':'" + state + "'}"), NOW);

        assertEquals(List.of(minimal("router1", "", state, stateId)), results);
        assertEquals("", results.get(0).serviceName(), "a host check has no service");
    }

    @Test
    void nullOrEmptyServiceNameMakesAHostCheck() {
        assertEquals(List.of(minimal("router1", "", CheckState.DOWN, 1)),
                reader.read(json("{'host_name':'router1','service_name':null,'state':'DOWN'}"), NOW));
        assertEquals(List.of(minimal("router1", "", CheckState.DOWN, 1)),
                reader.read(json("{'host_name':'router1','service_name':'','state':'DOWN'}"), NOW));
    }

    @Test
    void stateAndStateTypeAreCaseInsensitiveAndTrimmed() {
        List<CheckResult> results = reader.read(json("{'host_name':'srv1','service_name':'s','state':' ok ',"
                + "'state_type':' soft ','last_state_type':'hard'}"), NOW);

        assertEquals(List.of(new CheckResult("srv1", "s", CheckState.OK, "SOFT", 0, null, "HARD", null, null, null, NOW,
                null, null, null, null, null, "All", PerfdataParser.parse(null))), results);
    }

    @Test
    void explicitStateIdIsKept() {
        List<CheckResult> results = reader.read(json("{'host_name':'srv1','service_name':'s','state':'OK','state_id':0}"), NOW);

        assertEquals(0, results.get(0).stateId());
    }

    @Test
    void explicitZeroLastCheckIsKept() {
        List<CheckResult> results = reader.read(json("{'host_name':'srv1','state':'UP','last_check':0}"), NOW);

        assertEquals(0.0, results.get(0).lastCheck());
    }

    @Test
    void nullOptionalFieldsAreTreatedAsAbsent() {
        List<CheckResult> results = reader.read(json("{'host_name':'srv1','service_name':'s','state':'OK','state_type':null,"
                + "'state_id':null,'last_check':null,'realm':null,'output':null,'latency':null,'acknowledged':null}"), NOW);

        assertEquals(List.of(minimal("srv1", "s", CheckState.OK, 0)), results);
    }

    @Test
    void arrayIsReadInOrder() {
        JsonStructure body = json("[{'host_name':'srv1','service_name':'cpu','state':'OK'},"
                + "{'host_name':'router1','state':'DOWN','realm':'All.Europe','last_check':1700000000},"
                + "{'host_name':'zürich-01','service_name':'Disk /var','state':'UNKNOWN','perf_data':'a=1'}]");

        List<CheckResult> results = reader.read(body, NOW);

        assertEquals(List.of(
                minimal("srv1", "cpu", CheckState.OK, 0),
                new CheckResult("router1", "", CheckState.DOWN, "HARD", 1, null, null, null, null, null, 1_700_000_000.0,
                        null, null, null, null, null, "All.Europe", PerfdataParser.parse(null)),
                new CheckResult("zürich-01", "Disk /var", CheckState.UNKNOWN, "HARD", 3, null, null, null, null, null, NOW,
                        null, null, "a=1", null, null, "All", PerfdataParser.parse("a=1"))), results);
    }

    @Test
    void arrayOfExactlyMaxItemsIsAccepted() {
        JsonStructure body = json("[{'host_name':'a','state':'UP'},{'host_name':'b','state':'UP'},{'host_name':'c','state':'UP'}]");

        assertEquals(3, reader.read(body, NOW).size());
    }

    // ---- host_name ----

    @Test
    void missingHostNameIsRequired() {
        assertEquals(List.of(new FieldError(0, "host_name", "is required")),
                errorsOf(json("{'service_name':'s','state':'OK'}")));
    }

    @Test
    void nullHostNameIsRequired() {
        assertEquals(List.of(new FieldError(0, "host_name", "is required")),
                errorsOf(json("{'host_name':null,'service_name':'s','state':'OK'}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\\t"})
    void emptyOrBlankHostNameIsRefused(String hostName) {
        assertEquals(List.of(new FieldError(0, "host_name", "must not be empty")),
                errorsOf(json("{'host_name':'" + hostName + "','service_name':'s','state':'OK'}")));
    }

    @Test
    void nonStringHostNameIsRefused() {
        assertEquals(List.of(new FieldError(0, "host_name", "must be a string")),
                errorsOf(json("{'host_name':42,'service_name':'s','state':'OK'}")));
    }

    static Stream<Arguments> forbiddenHostNameCharacters() {
        return FORBIDDEN.chars().mapToObj(c -> Arguments.of(String.valueOf((char) c)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("forbiddenHostNameCharacters")
    void eachForbiddenCharacterInHostNameIsRefused(String forbidden) {
        // given a host name holding the character (built with a builder: quotes need no escaping there)
        JsonObject body = Json.createObjectBuilder().add("host_name", "web" + forbidden + "01")
                .add("service_name", "s").add("state", "OK").build();
        // when
        List<FieldError> errors = errorsOf(body);
        // then
        assertEquals(List.of(new FieldError(0, "host_name",
                "must not contain " + forbidden + " (forbidden: `~!$%^&*\"|'<>?,()=)")), errors);
    }

    @Test
    void allFifteenPlusForbiddenCharactersAreCovered() {
        assertEquals(18, FORBIDDEN.length());
        assertEquals(CheckResultReader.FORBIDDEN_IN_HOST_NAME.chars().sorted().boxed().toList(),
                FORBIDDEN.chars().sorted().boxed().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"web-01", "web_01", "web01.example.com", "zürich", "host#1", "a/b", "a:b", "a;b", "a@b", "a+b"})
    void otherHostNameCharactersAreAccepted(String hostName) {
        JsonObject body = Json.createObjectBuilder().add("host_name", hostName).add("state", "UP").build();

        assertEquals(hostName, reader.read(body, NOW).get(0).hostName());
    }

    @Test
    void firstForbiddenCharacterIsTheOneReported() {
        JsonObject body = Json.createObjectBuilder().add("host_name", "a(b)c").add("state", "UP").build();

        assertEquals(List.of(new FieldError(0, "host_name", "must not contain ( (forbidden: `~!$%^&*\"|'<>?,()=)")),
                errorsOf(body));
    }

    // ---- state ----

    @Test
    void missingStateIsRequired() {
        assertEquals(List.of(new FieldError(0, "state", "is required")),
                errorsOf(json("{'host_name':'srv1','service_name':'s'}")));
    }

    @Test
    void nullStateIsRequired() {
        assertEquals(List.of(new FieldError(0, "state", "is required")),
                errorsOf(json("{'host_name':'srv1','state':null}")));
    }

    @Test
    void nonStringStateIsRefused() {
        assertEquals(List.of(new FieldError(0, "state", "must be a string")),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':0}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UP", "DOWN", "UNREACHABLE", "up"})
    void hostStateOnAServiceCheckIsRefused(String state) {
        assertEquals(List.of(new FieldError(0, "state",
                        "a service check's state is OK, WARNING, CRITICAL or UNKNOWN, not '" + state + "'")),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':'" + state + "'}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"OK", "WARNING", "CRITICAL", "UNKNOWN", "critical"})
    void serviceStateOnAHostCheckIsRefused(String state) {
        assertEquals(List.of(new FieldError(0, "state",
                        "a host check's state is UP, DOWN or UNREACHABLE, not '" + state + "'")),
                errorsOf(json("{'host_name':'srv1','state':'" + state + "'}")));
    }

    @Test
    void unknownStateNameIsRefused() {
        assertEquals(List.of(new FieldError(0, "state",
                        "a service check's state is OK, WARNING, CRITICAL or UNKNOWN, not 'FINE'")),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':'FINE'}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "['x']"})
    void refusedServiceNameIsTheOnlyReasonGivenForAKnownState(String serviceName) {
        // given a service check whose service name is refused: it is not known whether it is a host check
        List<FieldError> errors = errorsOf(json("{'host_name':'srv1','service_name':" + serviceName + ",'state':'OK'}"));

        assertEquals(List.of(new FieldError(0, "service_name", "must be a string")), errors);
    }

    @Test
    void unknownStateNameIsRefusedAlsoWhenTheServiceNameIsRefused() {
        assertEquals(List.of(new FieldError(0, "service_name", "must be a string"), new FieldError(0, "state",
                        "must be UP, DOWN, UNREACHABLE, OK, WARNING, CRITICAL or UNKNOWN, not 'FINE'")),
                errorsOf(json("{'host_name':'srv1','service_name':1,'state':'FINE'}")));
    }

    // ---- state_type, state_id, last_check ----

    @Test
    void badStateTypeIsRefused() {
        assertEquals(List.of(new FieldError(0, "state_type", "must be HARD or SOFT, not 'MEDIUM'")),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':'OK','state_type':'MEDIUM'}")));
    }

    @Test
    void badLastStateTypeIsRefused() {
        assertEquals(List.of(new FieldError(0, "last_state_type", "must be HARD or SOFT, not ''")),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':'OK','last_state_type':''}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "'2'", "true", "[1]", "2.0"})
    void stateIdThatIsNotAnIntegerIsRefused(String stateId) {
        assertEquals(List.of(new FieldError(0, "state_id", "must be a whole number")),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':'OK','state_id':" + stateId + "}")));
    }

    @Test
    void stateIdOutOfIntRangeIsRefused() {
        assertEquals(List.of(new FieldError(0, "state_id", "is out of range")),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':'OK','state_id':2147483648}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "-0.001", "-1700000000"})
    void negativeLastCheckIsRefused(String lastCheck) {
        assertEquals(List.of(new FieldError(0, "last_check", "must be epoch seconds, not negative")),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':'OK','last_check':" + lastCheck + "}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"'1700000000'", "'yesterday'", "true", "{}"})
    void lastCheckThatIsNotANumberIsRefused(String lastCheck) {
        assertEquals(List.of(new FieldError(0, "last_check", "must be a number")),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':'OK','last_check':" + lastCheck + "}")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "output | 1 | must be a string",
            "latency | '0.5' | must be a number",
            "acknowledged | 'true' | must be true or false",
            "state_changed | 1 | must be true or false",
            "last_state_id | 0.5 | must be a whole number",
    })
    void otherFieldsOfTheWrongTypeAreRefused(String field, String value, String reason) {
        assertEquals(List.of(new FieldError(0, field, reason)),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':'OK','" + field + "':" + value + "}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "All.", ".All", "All..Europe", "All. .Europe"})
    void realmWithEmptyPartsIsRefused(String realm) {
        assertEquals(List.of(new FieldError(0, "realm", "must be a dotted realm path without empty parts, not '" + realm + "'")),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':'OK','realm':'" + realm + "'}")));
    }

    // ---- numbers: finite, and within what the sinks and a skewed poller clock need ----

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource({"last_check, 1e309, 1E+309", "last_check, -1e309, -1E+309", "latency, 1e309, 1E+309",
            "execution_time, 2e400, 2E+400"})
    void numberBeyondWhatADoubleHoldsIsRefused(String field, String posted, String shown) {
        // given a number JSON allows and a double cannot hold: it was stored as Infinity
        JsonStructure body = json("{'host_name':'srv1','state':'UP','" + field + "':" + posted + "}");
        // when
        List<FieldError> errors = errorsOf(body);
        // then
        assertEquals(List.of(new FieldError(0, field, "must be a finite number, not " + shown)), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"95617584000", "1e15"})
    void lastCheckFarAheadOfTheServersClockIsRefused(String lastCheck) {
        // given the year 5000, and a timestamp in milliseconds instead of seconds
        JsonStructure body = json("{'host_name':'srv1','state':'UP','last_check':" + lastCheck + "}");
        // when
        List<FieldError> errors = errorsOf(body);
        // then
        assertEquals(List.of(new FieldError(0, "last_check",
                "is more than 3600 seconds ahead of the server's clock (setting api.max_clock_skew_seconds)")), errors);
    }

    @Test
    void lastCheckUpToTheClockSkewAheadIsKept() {
        JsonObject body = Json.createObjectBuilder().add("host_name", "srv1").add("state", "UP").add("last_check", NOW + 3600).build();

        assertEquals(NOW + 3600, reader.read(body, NOW).get(0).lastCheck());
    }

    @Test
    void lastCheckJustBeyondTheClockSkewIsRefused() {
        JsonObject body = Json.createObjectBuilder().add("host_name", "srv1").add("state", "UP").add("last_check", NOW + 3600.5).build();

        assertEquals("last_check", errorsOf(body).get(0).field());
    }

    @Test
    void clockSkewIsTheOneTheLimitsGive() {
        // given a window of 60 s
        InputLimits defaults = InputLimits.withMaxItems(3);
        CheckResultReader strict = new CheckResultReader(new InputLimits(3, defaults.maxStringLength(), defaults.maxPerfdataLength(),
                defaults.maxMetricsPerCheck(), 60));
        JsonObject aheadBy61 = Json.createObjectBuilder().add("host_name", "srv1").add("state", "UP").add("last_check", NOW + 61).build();
        JsonObject aheadBy60 = Json.createObjectBuilder().add("host_name", "srv1").add("state", "UP").add("last_check", NOW + 60).build();
        // when
        InvalidCheckResultsException refused = assertThrows(InvalidCheckResultsException.class, () -> strict.read(aheadBy61, NOW));
        // then
        assertEquals(List.of(new FieldError(0, "last_check",
                "is more than 60 seconds ahead of the server's clock (setting api.max_clock_skew_seconds)")), refused.errors());
        assertEquals(NOW + 60, strict.read(aheadBy60, NOW).get(0).lastCheck());
    }

    @ParameterizedTest
    @ValueSource(strings = {"latency", "execution_time"})
    void negativeDurationIsRefused(String field) {
        assertEquals(List.of(new FieldError(0, field, "must be seconds, not negative")),
                errorsOf(json("{'host_name':'srv1','state':'UP','" + field + "':-0.5}")));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource({"state_id, 4", "state_id, -1", "last_state_id, 255", "last_state_id, -2147483648"})
    void stateIdOutsideZeroToThreeIsRefused(String field, int id) {
        assertEquals(List.of(new FieldError(0, field, "is out of range: a state id is 0 to 3")),
                errorsOf(json("{'host_name':'srv1','service_name':'s','state':'OK','" + field + "':" + id + "}")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void stateIdsZeroToThreeAreKept(int id) {
        CheckResult result = reader.read(json("{'host_name':'srv1','service_name':'s','state':'OK','state_id':" + id
                + ",'last_state_id':" + id + "}"), NOW).get(0);

        assertEquals(List.of(id, id), List.of(result.stateId(), result.lastStateId()));
    }

    // ---- a key twice in one object ----

    private List<FieldError> errorsOfPosted(String text) {
        JsonText posted = StrictJsonReader.read(new ByteArrayInputStream(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8)));
        return assertThrows(InvalidCheckResultsException.class, () -> reader.read(posted, NOW)).errors();
    }

    @Test
    void keyTwiceInACheckResultIsRefusedAsAmbiguous() {
        // given the same key twice: the last one won, where another reader takes the first
        List<FieldError> errors = errorsOfPosted("{'host_name':'x','host_name':'y','state':'UP'}");

        assertEquals(List.of(new FieldError(0, "host_name", "appears more than once; JSON readers differ on which value counts")),
                errors);
    }

    @Test
    void keyTwiceInOneItemOfABatchNamesThatItemBeforeItsOtherProblems() {
        List<FieldError> errors = errorsOfPosted("[{'host_name':'a','state':'UP'},"
                + "{'host_name':'b','state':'UP','state':'DOWN','realm':''}]");

        assertEquals(List.of(new FieldError(1, "state", "appears more than once; JSON readers differ on which value counts"),
                new FieldError(1, "realm", "must be a dotted realm path without empty parts, not ''")), errors);
    }

    @Test
    void keyTwiceInsideAFieldsValueNamesTheField() {
        List<FieldError> errors = errorsOfPosted("{'host_name':'a','state':'UP','output':{'$ne':1,'$ne':2}}");

        assertEquals(List.of(new FieldError(0, "output", "holds the key '$ne' more than once; JSON readers differ on which value counts"),
                new FieldError(0, "output", "must be a string")), errors);
    }

    @Test
    void postedTextWithoutDuplicatesIsReadAsTheValueAlone() {
        JsonText posted = StrictJsonReader.read(new ByteArrayInputStream(
                "{\"host_name\":\"srv1\",\"service_name\":\"http\",\"state\":\"CRITICAL\"}".getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of(minimal("srv1", "http", CheckState.CRITICAL, 2)), reader.read(posted, NOW));
    }

    // ---- characters ----

    static Stream<Arguments> controlCharactersInNames() {
        List<String> fields = List.of("host_name", "service_name", "realm", "state", "state_type", "last_state", "last_state_type");
        return fields.stream().flatMap(field -> Stream.of('\u0000', '\t', '\n', '\u001b', '\u007f', '\u0085')
                .map(c -> Arguments.of(field, c)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("controlCharactersInNames")
    void controlCharacterInANameIsRefused(String field, char control) {
        // given a name that would go into a Graphite path or an InfluxDB tag with the character in it
        JsonObjectBuilder check = Json.createObjectBuilder().add("host_name", "srv1").add("service_name", "s").add("state", "OK");
        JsonObject body = check.add(field, "O" + control + "K").build();
        // when
        List<FieldError> errors = errorsOf(body);
        // then
        assertEquals(List.of(new FieldError(0, field, String.format("must not contain the control character U+%04X", (int) control))),
                errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"output", "long_output", "perf_data"})
    void controlCharacterInFreeTextIsRefusedButTabsAndLineBreaksAreKept(String field) {
        JsonObject kept = Json.createObjectBuilder().add("host_name", "srv1").add("state", "UP")
                .add(field, "a=1\tb=2\r\nc=3").build();
        JsonObject refused = Json.createObjectBuilder().add("host_name", "srv1").add("state", "UP")
                .add(field, "a=1\u0000b=2").build();

        assertEquals(1, reader.read(kept, NOW).size());
        assertEquals(List.of(new FieldError(0, field,
                "must not contain the control character U+0000 (of them only tab, line feed and carriage return are accepted)")),
                errorsOf(refused));
    }

    @ParameterizedTest
    @CsvSource({"host_name, web\uD800x, D800", "service_name, \uDC00, DC00", "output, ends with \uD83D, D83D"})
    void halfOfASurrogatePairIsRefused(String field, String escaped, String codeUnit) {
        // given JSON escapes that make half a pair, which UTF-8 and BSON cannot hold
        JsonStructure body = json("{'host_name':'srv1','service_name':'s','state':'OK','" + field + "':'" + escaped + "'}");

        assertEquals(List.of(new FieldError(0, field,
                "must not contain U+" + codeUnit + ", half of a UTF-16 surrogate pair without its other half")), errorsOf(body));
    }

    @Test
    void wholeSurrogatePairIsKept() {
        JsonObject body = Json.createObjectBuilder().add("host_name", "caf\u00e9-\uD83D\uDE00").add("state", "UP").build();

        assertEquals("caf\u00e9-\uD83D\uDE00", reader.read(body, NOW).get(0).hostName());
    }

    // ---- unknown fields ----

    @ParameterizedTest
    @ValueSource(strings = {"perfdata", "$where", "a.b", "HOST_NAME", "_id", ""})
    void unknownFieldIsRefused(String field) {
        JsonObject body = Json.createObjectBuilder().add("host_name", "srv1").add("service_name", "s").add("state", "OK")
                .add(field, "x").build();

        assertEquals(List.of(new FieldError(0, field, "unknown field")), errorsOf(body));
    }

    // ---- arrays ----

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "1          | number",
            "'text'     | string",
            "[]         | array",
            "null       | null",
            "true       | true",
            "false      | false",
    })
    void nonObjectArrayElementIsRefused(String element, String type) {
        assertEquals(List.of(new FieldError(1, "", "must be a JSON object, not " + type)),
                errorsOf(json("[{'host_name':'srv1','state':'UP'}," + element + "]")));
    }

    @Test
    void emptyArrayIsRefused() {
        InvalidCheckResultsException error = assertThrows(InvalidCheckResultsException.class, () -> reader.read(json("[]"), NOW));

        assertEquals(List.of(new FieldError(0, "", "the array holds no check result")), error.errors());
        assertEquals("1 invalid field(s), first: item 0 field : the array holds no check result", error.getMessage());
    }

    @Test
    void arrayOverMaxItemsIsRefusedWithoutReadingItsItems() {
        // given four items, one of them invalid, with a limit of three
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < 3; i++) {
            items.add(Json.createObjectBuilder().add("host_name", "h" + i).add("state", "UP"));
        }
        items.add(Json.createObjectBuilder().add("bogus", 1));
        // when
        List<FieldError> errors = errorsOf(items.build());
        // then
        assertEquals(List.of(new FieldError(3, "",
                "the array holds 4 check results, at most 3 are accepted in one request")), errors);
    }

    // ---- all errors together ----

    @Test
    void allErrorsOfOneItemAreReportedTogether() {
        JsonStructure body = json("{'perfdata':'a=1','host_name':'','state':'UP','service_name':'s','state_type':'x',"
                + "'last_check':-5,'realm':'All..X','state_id':'2','output':3}");

        assertEquals(List.of(
                new FieldError(0, "perfdata", "unknown field"),
                new FieldError(0, "host_name", "must not be empty"),
                new FieldError(0, "state", "a service check's state is OK, WARNING, CRITICAL or UNKNOWN, not 'UP'"),
                new FieldError(0, "state_type", "must be HARD or SOFT, not 'x'"),
                new FieldError(0, "last_check", "must be epoch seconds, not negative"),
                new FieldError(0, "realm", "must be a dotted realm path without empty parts, not 'All..X'"),
                new FieldError(0, "state_id", "must be a whole number"),
                new FieldError(0, "output", "must be a string")), errorsOf(body));
    }

    @Test
    void errorsOfEveryItemAreReportedTogetherAndTheBatchIsRefusedAsAWhole() {
        // given a valid item between invalid ones
        JsonStructure body = json("[{'service_name':'s','state':'OK'},"
                + "{'host_name':'fine','service_name':'s','state':'OK'},"
                + "{'host_name':'a,b','state':'OK'},"
                + "42]");
        // when
        InvalidCheckResultsException error = assertThrows(InvalidCheckResultsException.class, () -> new CheckResultReader(10).read(body, NOW));
        // then
        assertEquals(List.of(
                new FieldError(0, "host_name", "is required"),
                new FieldError(2, "host_name", "must not contain , (forbidden: `~!$%^&*\"|'<>?,()=)"),
                new FieldError(2, "state", "a host check's state is UP, DOWN or UNREACHABLE, not 'OK'"),
                new FieldError(3, "", "must be a JSON object, not number")), error.errors());
        assertEquals("4 invalid field(s), first: item 0 field host_name: is required", error.getMessage());
    }

    @Test
    void errorListIsUnmodifiable() {
        List<FieldError> errors = errorsOf(json("{'state':'UP'}"));

        assertThrows(UnsupportedOperationException.class, () -> errors.add(new FieldError(9, "x", "y")));
    }
}
