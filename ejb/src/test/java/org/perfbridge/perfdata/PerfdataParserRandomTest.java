package org.perfbridge.perfdata;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Randomized inputs with fixed seeds: the parser never throws and keeps well-formed metrics. */
class PerfdataParserRandomTest {

    private static final int ITERATIONS = 2000;

    /** Characters that matter to the grammar, plus a few odd ones (NUL, non-ASCII, a surrogate pair). */
    private static final String ALPHABET = "ab'=;|:@~.,-+eEU%0123456789 \t\n\r\\/°€\u0000\u00a0\ud83d\ude00";

    private static final String[] VALID = {
        "rta=0.080000ms;100.000000;500.000000;0.000000 pl=0%;20;60;0",
        "'/'=2643MB;5948;5958;0;5968 '/boot'=68MB;88;93;0;98",
        "load1=0.000;5.000;10.000;0; load5=0.010;4.000;6.000;0; load15=0.050;3.000;4.000;0;",
        "time=0.012345s;;;0.000000;10.000000 size=1234B;;;0",
        "'C:\\ used %'=46%;80;90 'it''s'=U;~:10;@5:20;0;100",
        "a=1,5e3KB;10:;~:20;-1;+2 'x y'=-.5",
    };

    @Test
    void randomStringsNeverBreakTheParser() {
        Random random = new Random(20240601L);
        for (int i = 0; i < ITERATIONS; i++) {
            String input = randomString(random, random.nextInt(80));
            checkInvariants(input);
        }
    }

    @Test
    void mutatedValidPerfdataNeverBreaksTheParser() {
        Random random = new Random(42L);
        for (int i = 0; i < ITERATIONS; i++) {
            StringBuilder text = new StringBuilder(VALID[random.nextInt(VALID.length)]);
            int mutations = 1 + random.nextInt(6);
            for (int k = 0; k < mutations; k++) {
                mutate(random, text);
            }
            checkInvariants(text.toString());
        }
    }

    @Test
    void wellFormedMetricSurroundedByGarbageIsFound() {
        Random random = new Random(7L);
        String[] units = {"", "ms", "%", "B", "KB", "c", "dBm", "°C", "req/s"};
        for (int i = 0; i < ITERATIONS; i++) {
            boolean quoted = random.nextBoolean();
            // Garbage never holds '_', so it can never produce this label.
            String label = quoted ? "probe_ " + i + " x" : "probe_" + i;
            int value = random.nextInt(2_000_001) - 1_000_000;
            String unit = units[random.nextInt(units.length)];
            int warn = random.nextInt(1000);
            int critLow = random.nextInt(1000);
            String metric = (quoted ? "'" + label + "'" : label) + "=" + value + unit + ";" + warn + ";"
                    + critLow + ":" + (critLow + 5) + ";0;" + 10_000_000;
            PerfMetric expected = new PerfMetric(label, (double) value, unit.isEmpty() ? null : unit,
                    Threshold.plain(warn), Threshold.range((double) critLow, critLow + 5.0, false),
                    0.0, 10_000_000.0);

            StringBuilder input = new StringBuilder();
            int before = random.nextInt(6);
            for (int k = 0; k < before; k++) {
                input.append(garbageToken(random)).append(whitespace(random));
            }
            input.append(metric);
            int after = random.nextInt(6);
            for (int k = 0; k < after; k++) {
                input.append(whitespace(random)).append(garbageToken(random));
            }

            String text = input.toString();
            ParsedPerfdata parsed = checkInvariants(text);
            List<PerfMetric> found = parsed.metrics().stream().filter(m -> m.label().equals(label)).toList();
            assertEquals(List.of(expected), found, () -> "metric lost or changed in: " + text);
        }
    }

    private static ParsedPerfdata checkInvariants(String input) {
        ParsedPerfdata parsed = assertDoesNotThrow(() -> PerfdataParser.parse(input), () -> "threw for: " + input);
        assertNotNull(parsed);
        Set<String> labels = new HashSet<>();
        for (PerfMetric metric : parsed.metrics()) {
            assertNotNull(metric.label());
            assertFalse(metric.label().isEmpty(), () -> "empty label from: " + input);
            assertTrue(labels.add(metric.label()), () -> "label twice from: " + input);
            assertTrue(metric.value() == null || Double.isFinite(metric.value()), () -> "non-finite from: " + input);
            assertTrue(metric.value() != null || metric.unit() == null);
            assertTrue(metric.unit() == null || !metric.unit().isEmpty());
            metric.numericFields().values().forEach(v -> assertTrue(Double.isFinite(v), () -> "non-finite from: " + input));
        }
        for (ParseProblem problem : parsed.problems()) {
            assertNotNull(problem.metricText());
            assertNotNull(problem.reason());
            assertFalse(problem.metricText().isBlank(), () -> "blank problem text from: " + input);
            assertFalse(problem.reason() == ProblemReason.INTERNAL_ERROR, () -> "internal error for: " + input);
        }
        return parsed;
    }

    private static String randomString(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static void mutate(Random random, StringBuilder text) {
        int length = text.length();
        int at = length == 0 ? 0 : random.nextInt(length);
        switch (random.nextInt(6)) {
            case 0 -> {
                if (length > 0) {
                    text.deleteCharAt(at);
                }
            }
            case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            case 2 -> {
                if (length > 0) {
                    text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
            }
            case 3 -> {
                int end = Math.min(length, at + random.nextInt(12));
                text.insert(at, text.substring(at, end));
            }
            case 4 -> text.setLength(at);
            default -> text.insert(at, randomString(random, 1 + random.nextInt(8)));
        }
    }

    /** A garbage token: no whitespace, no '|', no '_' and never a quote directly before '='. */
    private static String garbageToken(Random random) {
        String chars = "ab'=;:@~.,-+eEU%0123456789\\/°€x";
        while (true) {
            StringBuilder token = new StringBuilder();
            int length = 1 + random.nextInt(10);
            for (int i = 0; i < length; i++) {
                token.append(chars.charAt(random.nextInt(chars.length())));
            }
            if (token.indexOf("'=") < 0) {
                return token.toString();
            }
        }
    }

    private static String whitespace(Random random) {
        String[] separators = {" ", "  ", "\t", "\n", " \r\n "};
        return separators[random.nextInt(separators.length)];
    }

    @Test
    void garbageTokensAreReportedNotSwallowed() {
        List<String> garbage = new ArrayList<>(List.of("'abc", "x'y", "'", "''", "a=", "=", "a=b", "'q r", ";;;", "@:~"));
        StringBuilder input = new StringBuilder("good_one=1");
        for (String token : garbage) {
            input.append(' ').append(token);
        }
        input.append(" good_two=2");
        ParsedPerfdata parsed = PerfdataParser.parse(input.toString());
        assertEquals(List.of("good_one", "good_two"), parsed.metrics().stream().map(PerfMetric::label).toList());
        assertEquals(garbage.size() + 1, parsed.problems().size(), parsed.problems()::toString);
    }
}
