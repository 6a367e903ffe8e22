package org.perfbridge.perfdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Perfdata as emitted by standard monitoring plugins, with the exact expected metrics and problems.
 * The cases live in the fixture {@value #FIXTURE} (format described in its header), one test per entry.
 */
class RealPluginPerfdataTest {

    static final String FIXTURE = "/perfdata/real-plugins.txt";

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("plugins")
    void parses(String plugin, String perfdata, ParsedPerfdata expected, int line) {
        assertEquals(expected, PerfdataParser.parse(perfdata),
                () -> "real-plugins.txt:" + line + " (" + plugin + ")");
    }

    static Stream<Arguments> plugins() {
        return Fixture.load(FIXTURE).stream()
                .map(e -> Arguments.of(e.plugin(), e.perfdata(), e.expected(), e.line()));
    }

    @Test
    void fixtureHoldsAtLeastFortyEntries() {
        int entries = Fixture.load(FIXTURE).size();
        assertTrue(entries >= 40, () -> "only " + entries + " entries in " + FIXTURE);
    }

    // --- the fixture reader itself ---

    @Test
    void readerBuildsTheExpectedResult() {
        List<Fixture.Entry> entries = Fixture.parse("t", List.of(
                "# comment",
                "",
                "plugin: demo",
                "perfdata-escaped: 'a|b'=U;~:;@10:20\\tx=5s;10:;~:3;0;1.5E3\\n\\\\\\u00e9",
                "metric: a|b | U |  | warn=range(~,~) | crit=@range(10,20) | min= | max=",
                "metric: x | 5 | s | warn=range(10,~) | crit=range(~,3) | min=0 | max=1500",
                "problem: \\é | MISSING_EQUALS"));
        assertEquals(1, entries.size());
        Fixture.Entry e = entries.get(0);
        assertEquals("demo", e.plugin());
        assertEquals(3, e.line());
        assertEquals("'a|b'=U;~:;@10:20\tx=5s;10:;~:3;0;1.5E3\n\\\u00e9", e.perfdata());
        assertEquals(new ParsedPerfdata(
                List.of(new PerfMetric("a|b", null, null, Threshold.range(null, null, false),
                                Threshold.range(10.0, 20.0, true), null, null),
                        new PerfMetric("x", 5.0, "s", Threshold.range(10.0, null, false),
                                Threshold.range(null, 3.0, false), 0.0, 1500.0)),
                List.of(new ParseProblem("\\é", ProblemReason.MISSING_EQUALS))), e.expected());
        assertEquals(e.expected(), PerfdataParser.parse(e.perfdata()));
    }

    static Stream<Arguments> malformedFixtures() {
        String ok = "metric: a | 1 |  | warn= | crit= | min= | max=";
        return Stream.of(
                Arguments.of("unknown key", List.of("plugin: p", "perfdata: a=1", "metrik: a | 1"), 3),
                Arguments.of("no key", List.of("plugin: p", "perfdata: a=1", "a=1"), 3),
                Arguments.of("line before the first entry", List.of("perfdata: a=1"), 1),
                Arguments.of("empty plugin name", List.of("plugin: ", "perfdata: a=1", ok), 1),
                Arguments.of("duplicate plugin", List.of("plugin: p", "perfdata: a=1", ok,
                        "plugin: p", "perfdata: a=1", ok), 4),
                Arguments.of("no perfdata", List.of("plugin: p", "", "plugin: q", "perfdata: a=1", ok), 1),
                Arguments.of("metric before perfdata", List.of("plugin: p", ok, "perfdata: a=1"), 2),
                Arguments.of("two perfdata lines", List.of("plugin: p", "perfdata: a=1", "perfdata: a=1", ok), 3),
                Arguments.of("no expectation", List.of("plugin: p", "perfdata: a=1"), 1),
                Arguments.of("perfdata with surrounding space", List.of("plugin: p", "perfdata:  a=1", ok), 2),
                Arguments.of("bad escape", List.of("plugin: p", "perfdata-escaped: a=1\\x", ok), 2),
                Arguments.of("short unicode escape", List.of("plugin: p", "perfdata-escaped: a=1\\u00", ok), 2),
                Arguments.of("raw tab", List.of("plugin: p", "perfdata: a=1\tb=2", ok), 2),
                Arguments.of("too few metric fields", List.of("plugin: p", "perfdata: a=1",
                        "metric: a | 1 |  | warn= | crit= | min="), 3),
                Arguments.of("empty label", List.of("plugin: p", "perfdata: a=1",
                        "metric:  | 1 |  | warn= | crit= | min= | max="), 3),
                Arguments.of("bad value", List.of("plugin: p", "perfdata: a=1",
                        "metric: a | 1x |  | warn= | crit= | min= | max="), 3),
                Arguments.of("NaN value", List.of("plugin: p", "perfdata: a=1",
                        "metric: a | NaN |  | warn= | crit= | min= | max="), 3),
                Arguments.of("missing warn=", List.of("plugin: p", "perfdata: a=1",
                        "metric: a | 1 |  | 5 | crit= | min= | max="), 3),
                Arguments.of("bad threshold", List.of("plugin: p", "perfdata: a=1",
                        "metric: a | 1 |  | warn=10: | crit= | min= | max="), 3),
                Arguments.of("bad range bound", List.of("plugin: p", "perfdata: a=1",
                        "metric: a | 1 |  | warn=range(x,2) | crit= | min= | max="), 3),
                Arguments.of("bad max", List.of("plugin: p", "perfdata: a=1",
                        "metric: a | 1 |  | warn= | crit= | min= | max=~"), 3),
                Arguments.of("problem without reason", List.of("plugin: p", "perfdata: a=1", "problem: x"), 3),
                Arguments.of("unknown reason", List.of("plugin: p", "perfdata: a=1", "problem: x | missing '='"), 3),
                Arguments.of("metric after problem", List.of("plugin: p", "perfdata: a=1",
                        "problem: x | MISSING_EQUALS", ok), 4));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedFixtures")
    void readerRejectsMalformedLinesWithTheLineNumber(String what, List<String> lines, int line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fixture.parse("t", lines));
        assertTrue(e.getMessage().startsWith("t:" + line + ": "), e::getMessage);
    }

    /** Reads the plain-text fixture format described in the header of {@value #FIXTURE}. */
    static final class Fixture {

        /** One entry: the plugin name, the line of its {@code plugin:} line, the input and the expected result. */
        record Entry(String plugin, int line, String perfdata, ParsedPerfdata expected) {
        }

        private static final Pattern KEY_LINE = Pattern.compile("([a-z-]+):(?: (.*))?");
        private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");
        private static final Pattern RANGE = Pattern.compile("(@?)range\\(([^,()]*),([^,()]*)\\)");
        private static final String[] METRIC_PREFIXES = {"", "", "", "warn=", "crit=", "min=", "max="};
        
        private Fixture() {
        }

        static List<Entry> load(String resource) {
            try (InputStream in = RealPluginPerfdataTest.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("fixture " + resource + " not found on the test classpath");
                }
                String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(in.readAllBytes())).toString();
                if (text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                String name = resource.substring(resource.lastIndexOf('/') + 1);
                return parse(name, text.lines().toList());
            } catch (CharacterCodingException e) {
                throw new IllegalStateException("fixture " + resource + " is not valid UTF-8", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Parses fixture lines; a malformed line throws IllegalArgumentException("source:line: ..."). */
        static List<Entry> parse(String source, List<String> lines) {
            List<Entry> entries = new ArrayList<>();
            Set<String> names = new HashSet<>();
            Builder current = null;
            for (int i = 0; i < lines.size(); i++) {
                int number = i + 1;
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                try {
                    if (line.indexOf('\t') >= 0) {
                        throw new IllegalArgumentException("raw tab (write \\t in a perfdata-escaped line)");
                    }
                    Matcher m = KEY_LINE.matcher(line);
                    if (!m.matches()) {
                        throw new IllegalArgumentException("expected 'key: value'");
                    }
                    String key = m.group(1);
                    String value = m.group(2) == null ? "" : m.group(2);
                    if (key.equals("plugin")) {
                        if (current != null) {
                            entries.add(current.build(source));
                        }
                        String plugin = value.strip();
                        if (plugin.isEmpty()) {
                            throw new IllegalArgumentException("empty plugin name");
                        }
                        if (!names.add(plugin)) {
                            throw new IllegalArgumentException("duplicate plugin name '" + plugin + "'");
                        }
                        current = new Builder(plugin, number);
                        continue;
                    }
                    if (current == null) {
                        throw new IllegalArgumentException("'" + key + ":' before the first 'plugin:' line");
                    }
                    switch (key) {
                        case "perfdata" -> current.perfdata(verbatim(value));
                        case "perfdata-escaped" -> current.perfdata(unescape(value));
                        case "metric" -> current.metric(metric(value));
                        case "problem" -> current.problem(problem(value));
                        default -> throw new IllegalArgumentException("unknown key '" + key
                                + "' (expected plugin, perfdata, perfdata-escaped, metric or problem)");
                    }
                } catch (LocatedException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw new LocatedException(source, number, e.getMessage() + ": " + line, e);
                }
            }
            if (current != null) {
                entries.add(current.build(source));
            }
            return entries;
        }

        /** A malformed fixture, with the file and line number at the start of the message. */
        static final class LocatedException extends IllegalArgumentException {
            LocatedException(String source, int line, String message, Throwable cause) {
                super(source + ":" + line + ": " + message, cause);
            }
        }

        /** Collects one entry's lines. */
        private static final class Builder {
            private final String plugin;
            private final int line;
            private String perfdata;
            private final List<PerfMetric> metrics = new ArrayList<>();
            private final List<ParseProblem> problems = new ArrayList<>();

            Builder(String plugin, int line) {
                this.plugin = plugin;
                this.line = line;
            }

            void perfdata(String text) {
                if (perfdata != null) {
                    throw new IllegalArgumentException("second perfdata line in entry '" + plugin + "'");
                }
                perfdata = text;
            }

            void metric(PerfMetric metric) {
                requirePerfdata();
                if (!problems.isEmpty()) {
                    throw new IllegalArgumentException("metric line after a problem line");
                }
                metrics.add(metric);
            }

            void problem(ParseProblem problem) {
                requirePerfdata();
                problems.add(problem);
            }

            private void requirePerfdata() {
                if (perfdata == null) {
                    throw new IllegalArgumentException("the perfdata line must come first in an entry");
                }
            }

            Entry build(String source) {
                if (perfdata == null) {
                    throw new LocatedException(source, line, "entry '" + plugin + "' has no perfdata line", null);
                }
                if (metrics.isEmpty() && problems.isEmpty()) {
                    throw new LocatedException(source, line, "entry '" + plugin + "' has no metric or problem line",
                            null);
                }
                return new Entry(plugin, line, perfdata, new ParsedPerfdata(metrics, problems));
            }
        }

        private static String verbatim(String value) {
            if (!value.isEmpty() && (Character.isWhitespace(value.charAt(0))
                    || Character.isWhitespace(value.charAt(value.length() - 1)))) {
                throw new IllegalArgumentException("perfdata starts or ends with whitespace"
                        + " (use perfdata-escaped with \\u0020 if it must)");
            }
            return value;
        }

        private static String unescape(String value) {
            StringBuilder out = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (++i >= value.length()) {
                    throw new IllegalArgumentException("backslash at the end of the line");
                }
                switch (value.charAt(i)) {
                    case 't' -> out.append('\t');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case '\\' -> out.append('\\');
                    case 'u' -> {
                        if (i + 4 >= value.length()) {
                            throw new IllegalArgumentException("\\u needs four hex digits");
                        }
                        String hex = value.substring(i + 1, i + 5);
                        if (!hex.matches("[0-9a-fA-F]{4}")) {
                            throw new IllegalArgumentException("\\u needs four hex digits, got '" + hex + "'");
                        }
                        out.append((char) Integer.parseInt(hex, 16));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("unknown escape '\\" + value.charAt(i)
                            + "' (allowed: \\t \\n \\r \\\\ \\uXXXX)");
                }
            }
            return out.toString();
        }

        /** {@code LABEL | VALUE | UNIT | warn=T | crit=T | min=N | max=N}; the label may hold '|'. */
        private static PerfMetric metric(String value) {
            String[] fields = splitFromRight(value, METRIC_PREFIXES.length, "metric");
            for (int f = 3; f < fields.length; f++) {
                if (!fields[f].startsWith(METRIC_PREFIXES[f])) {
                    throw new IllegalArgumentException("field " + (f + 1) + " must start with '"
                            + METRIC_PREFIXES[f] + "', got '" + fields[f] + "'");
                }
                fields[f] = fields[f].substring(METRIC_PREFIXES[f].length()).strip();
            }
            String label = fields[0];
            if (label.isEmpty()) {
                throw new IllegalArgumentException("empty label");
            }
            Double metricValue = fields[1].equals("U") ? null : number(fields[1], "value");
            String unit = fields[2].isEmpty() ? null : fields[2];
            return new PerfMetric(label, metricValue, unit, threshold(fields[3], "warn"), threshold(fields[4], "crit"),
                    optionalNumber(fields[5], "min"), optionalNumber(fields[6], "max"));
        }

        /** {@code TEXT | REASON}; the text may hold '|'. */
        private static ParseProblem problem(String value) {
            String[] fields = splitFromRight(value, 2, "problem");
            if (fields[0].isEmpty()) {
                throw new IllegalArgumentException("empty problem text");
            }
            try {
                return new ParseProblem(fields[0], ProblemReason.valueOf(fields[1]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown reason '" + fields[1] + "' (expected a ProblemReason: "
                        + java.util.Arrays.toString(ProblemReason.values()) + ")", e);
            }
        }

        /** Splits at the last {@code count - 1} '|' so that only the first field may hold '|'; trims each field. */
        private static String[] splitFromRight(String value, int count, String what) {
            String[] fields = new String[count];
            int end = value.length();
            for (int f = count - 1; f > 0; f--) {
                int bar = value.lastIndexOf('|', end - 1);
                if (bar < 0) {
                    throw new IllegalArgumentException(what + " needs " + count + " '|'-separated fields, got "
                            + (count - f));
                }
                fields[f] = value.substring(bar + 1, end).strip();
                end = bar;
            }
            fields[0] = value.substring(0, end).strip();
            return fields;
        }

        private static Threshold threshold(String text, String what) {
            if (text.isEmpty()) {
                return null;
            }
            if (NUMBER.matcher(text).matches()) {
                return Threshold.plain(number(text, what));
            }
            Matcher m = RANGE.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException(what + " must be empty, a number, range(LOW,HIGH) or"
                        + " @range(LOW,HIGH), got '" + text + "'");
            }
            return Threshold.range(bound(m.group(2), what), bound(m.group(3), what), !m.group(1).isEmpty());
        }

        private static Double bound(String text, String what) {
            String bound = text.strip();
            return bound.equals("~") ? null : number(bound, what + " range bound");
        }

        private static Double optionalNumber(String text, String what) {
            return text.isEmpty() ? null : number(text, what);
        }

        private static double number(String text, String what) {
            if (!NUMBER.matcher(text).matches()) {
                throw new IllegalArgumentException(what + " is not a decimal number: '" + text + "'");
            }
            double d = Double.parseDouble(text);
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(what + " is not finite: '" + text + "'");
            }
            return d;
        }

        /** PerfdataParser's reason constants, by name. */
    }
}
