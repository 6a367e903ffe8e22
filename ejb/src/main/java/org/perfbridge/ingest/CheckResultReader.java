package org.perfbridge.ingest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.perfbridge.json.JsonText;
import org.perfbridge.perfdata.ParsedPerfdata;
import org.perfbridge.perfdata.PerfdataParser;

/**
 * Reads posted JSON (one check result object, or an array of them) into validated check results.
 * A batch is all or nothing: every problem of every item is collected, and any problem refuses the whole batch.
 * Numbers must be finite and plausible, {@code last_check} from 1970 to {@link InputLimits#maxClockSkewSeconds()}
 * ahead of now; strings must not hold control characters (see {@link UnsafeCharacters}); a key may appear once.
 */
public final class CheckResultReader {

    /** The characters alignak-backend refuses in a host name. */
    static final String FORBIDDEN_IN_HOST_NAME = "`~!$%^&*\"|'<>?,()=";

    private static final Set<String> FIELDS = Set.of("host_name", "service_name", "state", "state_type", "state_id",
            "last_state", "last_state_type", "last_state_id", "state_changed", "acknowledged", "last_check", "output",
            "long_output", "perf_data", "latency", "execution_time", "realm");

    /** Strings that are free text, which may hold tabs and line breaks; every other string field is a name. */
    private static final Set<String> FREE_TEXT = Set.of("output", "long_output", "perf_data");

    /** Nagios plugin return codes, which are also the state ids alignak gives hosts (0 to 2) and services. */
    private static final int MAX_STATE_ID = 3;

    private final InputLimits limits;

    public CheckResultReader(InputLimits limits) {
        this.limits = limits;
    }

    public CheckResultReader(int maxItems) {
        this(InputLimits.withMaxItems(maxItems));
    }

    public List<CheckResult> read(JsonStructure body, double now) {
        return read(new JsonText(body, List.of()), now);
    }

    public List<CheckResult> read(JsonText posted, double now) {
        JsonStructure body = posted.value();
        int maxItems = limits.maxItems();
        List<FieldError> errors = new ArrayList<>();
        List<CheckResult> results = new ArrayList<>();
        Map<Integer, List<FieldError>> duplicateKeys = duplicateKeysByItem(posted);
        if (body instanceof JsonObject single) {
            errors.addAll(duplicateKeys.getOrDefault(0, List.of()));
            results.add(new ItemReader(0, single, errors, limits).read(now));
        } else {
            JsonArray items = (JsonArray) body;
            if (items.isEmpty()) {
                throw new InvalidCheckResultsException(List.of(new FieldError(0, "", "the array holds no check result")));
            }
            if (items.size() > maxItems) {
                throw new InvalidCheckResultsException(List.of(new FieldError(maxItems, "",
                        "the array holds " + items.size() + " check results, at most " + maxItems + " are accepted in one request")));
            }
            for (int index = 0; index < items.size(); index++) {
                JsonValue item = items.get(index);
                if (item instanceof JsonObject object) {
                    errors.addAll(duplicateKeys.getOrDefault(index, List.of()));
                    results.add(new ItemReader(index, object, errors, limits).read(now));
                } else {
                    errors.add(new FieldError(index, "", "must be a JSON object, not " + item.getValueType().name().toLowerCase(Locale.ROOT)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCheckResultsException(errors);
        }
        return results;
    }

    /** A key twice in an item is named as that field; one twice deeper, as the item's field whose value holds it. */
    private static Map<Integer, List<FieldError>> duplicateKeysByItem(JsonText posted) {
        Map<Integer, List<FieldError>> byItem = new HashMap<>();
        int itemLevel = posted.value() instanceof JsonObject ? 0 : 1;
        for (JsonText.DuplicateKey duplicate : posted.duplicateKeys()) {
            List<String> path = duplicate.path();
            if (path.size() < itemLevel) {
                continue;
            }
            int item = itemLevel == 0 ? 0 : Integer.parseInt(path.get(0));
            FieldError error = path.size() == itemLevel
                    ? new FieldError(item, duplicate.key(), "appears more than once; JSON readers differ on which value counts")
                    : new FieldError(item, path.get(itemLevel), "holds the key '" + duplicate.key()
                            + "' more than once; JSON readers differ on which value counts");
            byItem.computeIfAbsent(item, index -> new ArrayList<>()).add(error);
        }
        return byItem;
    }

    private static final class ItemReader {
        private final int index;
        private final JsonObject object;
        private final List<FieldError> errors;
        private final InputLimits limits;
        private ParsedPerfdata parsedPerfData = PerfdataParser.parse(null);

        ItemReader(int index, JsonObject object, List<FieldError> errors, InputLimits limits) {
            this.index = index;
            this.object = object;
            this.errors = errors;
            this.limits = limits;
        }

        CheckResult read(double now) {
            for (String key : object.keySet()) {
                if (!FIELDS.contains(key)) {
                    reject(key, "unknown field");
                }
            }
            String hostName = hostName();
            int problemsBefore = errors.size();
            String serviceName = text("service_name");
            boolean serviceNameRefused = errors.size() > problemsBefore;
            serviceName = serviceName == null ? "" : serviceName;
            // Whether it is a host check is not known when the service name was refused: no second, misleading reason.
            CheckState state = serviceNameRefused ? stateOfEitherKind() : state(serviceName.isEmpty());
            String stateType = stateType("state_type");
            String lastStateType = stateType("last_state_type");
            Double lastCheck = lastCheck(now);
            String realm = realm();
            Integer stateId = stateId("state_id");
            return new CheckResult(hostName, serviceName, state, stateType == null ? "HARD" : stateType,
                    stateId == null && state != null ? Integer.valueOf(state.id()) : stateId,
                    text("last_state"), lastStateType, stateId("last_state_id"), flag("state_changed"), flag("acknowledged"),
                    lastCheck == null ? now : lastCheck, text("output"), text("long_output"), perfData(),
                    duration("latency"), duration("execution_time"), realm, parsedPerfData);
        }

        /**
         * Whisper keeps unsigned 32-bit seconds, so nothing before 1970; a point ahead of now is drawn ahead of every
         * graph and, more than an archive's span ahead, overwrites a current point in whisper's ring.
         */
        private Double lastCheck(double now) {
            Double lastCheck = number("last_check");
            if (lastCheck != null && lastCheck < 0) {
                reject("last_check", "must be epoch seconds, not negative");
            } else if (lastCheck != null && lastCheck > now + limits.maxClockSkewSeconds()) {
                reject("last_check", "is more than " + limits.maxClockSkewSeconds()
                        + " seconds ahead of the server's clock (setting api.max_clock_skew_seconds)");
            }
            return lastCheck;
        }

        private Double duration(String field) {
            Double seconds = number(field);
            if (seconds != null && seconds < 0) {
                reject(field, "must be seconds, not negative");
            }
            return seconds;
        }

        private Integer stateId(String field) {
            Integer id = integer(field);
            if (id != null && (id < 0 || id > MAX_STATE_ID)) {
                reject(field, "is out of range: a state id is 0 to " + MAX_STATE_ID);
                return null;
            }
            return id;
        }

        private String hostName() {
            if (!object.containsKey("host_name") || object.isNull("host_name")) {
                reject("host_name", "is required");
                return null;
            }
            String name = string("host_name");
            if (name == null) {
                return null;
            }
            if (name.isBlank()) {
                reject("host_name", "must not be empty");
                return null;
            }
            if (withoutUnsafeCharacters("host_name", name) == null) {
                return null;
            }
            for (int i = 0; i < name.length(); i++) {
                if (FORBIDDEN_IN_HOST_NAME.indexOf(name.charAt(i)) >= 0) {
                    reject("host_name", "must not contain " + name.charAt(i) + " (forbidden: " + FORBIDDEN_IN_HOST_NAME + ")");
                    return null;
                }
            }
            return name;
        }

        private CheckState state(boolean hostCheck) {
            String name = stateName();
            if (name == null) {
                return null;
            }
            CheckState state = CheckState.named(name).orElse(null);
            if (state == null || state.isHostState() != hostCheck) {
                reject("state", hostCheck
                        ? "a host check's state is UP, DOWN or UNREACHABLE, not '" + name + "'"
                        : "a service check's state is OK, WARNING, CRITICAL or UNKNOWN, not '" + name + "'");
                return null;
            }
            return state;
        }

        private CheckState stateOfEitherKind() {
            String name = stateName();
            CheckState state = name == null ? null : CheckState.named(name).orElse(null);
            if (name != null && state == null) {
                reject("state", "must be UP, DOWN, UNREACHABLE, OK, WARNING, CRITICAL or UNKNOWN, not '" + name + "'");
            }
            return state;
        }

        private String stateName() {
            if (!object.containsKey("state") || object.isNull("state")) {
                reject("state", "is required");
                return null;
            }
            return text("state");
        }

        private String stateType(String field) {
            String type = text(field);
            if (type == null) {
                return null;
            }
            String upper = type.trim().toUpperCase(Locale.ROOT);
            if (!upper.equals("HARD") && !upper.equals("SOFT")) {
                reject(field, "must be HARD or SOFT, not '" + type + "'");
                return null;
            }
            return upper;
        }

        private String realm() {
            String realm = text("realm");
            if (realm == null) {
                return "All";
            }
            for (String part : realm.split("\\.", -1)) {
                if (part.isBlank()) {
                    reject("realm", "must be a dotted realm path without empty parts, not '" + realm + "'");
                    return null;
                }
            }
            return realm;
        }

        private String text(String field) {
            String text = string(field);
            return text == null ? null : withoutUnsafeCharacters(field, text);
        }

        private String withoutUnsafeCharacters(String field, String text) {
            String problem = UnsafeCharacters.problemIn(text, FREE_TEXT.contains(field)).orElse(null);
            if (problem != null) {
                reject(field, problem);
                return null;
            }
            return text;
        }

        private String string(String field) {
            JsonValue value = object.get(field);
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (!(value instanceof JsonString string)) {
                reject(field, "must be a string");
                return null;
            }
            int max = field.equals("perf_data") ? limits.maxPerfdataLength() : limits.maxStringLength();
            if (string.getString().length() > max) {
                reject(field, "is " + string.getString().length() + " characters long, at most " + max + " are accepted (setting "
                        + (field.equals("perf_data") ? "api.max_perfdata_length" : "api.max_string_length") + ")");
                return null;
            }
            return string.getString();
        }

        private String perfData() {
            String perfData = text("perf_data");
            if (perfData != null) {
                parsedPerfData = PerfdataParser.parse(perfData);
                int metrics = parsedPerfData.metrics().size();
                if (metrics > limits.maxMetricsPerCheck()) {
                    reject("perf_data", "holds " + metrics + " metrics, at most " + limits.maxMetricsPerCheck()
                            + " are accepted per check result (setting api.max_metrics_per_check)");
                    return null;
                }
            }
            return perfData;
        }

        private Double number(String field) {
            JsonValue value = object.get(field);
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonNumber number && Double.isFinite(number.doubleValue())) {
                return number.doubleValue();
            }
            reject(field, value instanceof JsonNumber ? "must be a finite number, not " + value : "must be a number");
            return null;
        }

        private Integer integer(String field) {
            JsonValue value = object.get(field);
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (value instanceof JsonNumber number && number.isIntegral()) {
                try {
                    return number.intValueExact();
                } catch (ArithmeticException e) {
                    reject(field, "is out of range");
                    return null;
                }
            }
            reject(field, "must be a whole number");
            return null;
        }

        private Boolean flag(String field) {
            JsonValue value = object.get(field);
            if (value == null || value == JsonValue.NULL) {
                return null;
            }
            if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                return value == JsonValue.TRUE;
            }
            reject(field, "must be true or false");
            return null;
        }

        private void reject(String field, String reason) {
            errors.add(new FieldError(index, field, reason));
        }
    }
}
