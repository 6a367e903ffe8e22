package org.perfbridge.perfdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** About one megabyte of input, well-formed and adversarial; the parser is linear so these finish quickly. */
class PerfdataParserLargeInputTest {

    private static final int ONE_MB = 1 << 20;

    @Test
    void oneMegabyteOfMetrics() {
        StringBuilder text = new StringBuilder(ONE_MB + 100);
        int count = 0;
        while (text.length() < ONE_MB) {
            text.append(count % 3 == 0 ? "'disk " + count + "'" : "metric_" + count)
                    .append('=').append(count).append(".5ms;10;20:30;0;100")
                    .append(count % 7 == 0 ? "\n" : " ");
            count++;
        }
        assertTrue(text.length() >= ONE_MB);
        ParsedPerfdata parsed = PerfdataParser.parse(text.toString());
        assertEquals(count, parsed.metrics().size());
        assertEquals(List.of(), parsed.problems());
        PerfMetric last = parsed.metrics().get(count - 1);
        assertEquals((count - 1) + 0.5, last.value());
        assertEquals("ms", last.unit());
    }

    @Test
    void oneMegabyteOfUnterminatedQuotes() {
        // every token opens a quote; only the first quote search can run to the end of the string
        String text = "'a ".repeat(ONE_MB / 3) + "ok=1";
        ParsedPerfdata parsed = PerfdataParser.parse(text);
        assertEquals(1, parsed.metrics().size());
        assertEquals("ok", parsed.metrics().get(0).label());
    }

    @Test
    void oneMegabyteOfEscapedQuotes() {
        String text = "x=1 '" + "'' ".repeat(ONE_MB / 3) + " ok=1";
        ParsedPerfdata parsed = PerfdataParser.parse(text);
        assertEquals(List.of("x", "ok"), parsed.metrics().stream().map(PerfMetric::label).toList());
    }

    @Test
    void oneMegabyteOfQuotedLabelsWithoutEquals() {
        String text = "x=1 " + "'a b'c ".repeat(ONE_MB / 7) + "ok=1";
        ParsedPerfdata parsed = PerfdataParser.parse(text);
        assertEquals(List.of("x", "ok"), parsed.metrics().stream().map(PerfMetric::label).toList());
    }

    @Test
    void oneMegabyteToken() {
        ParsedPerfdata digits = PerfdataParser.parse("a=" + "1".repeat(ONE_MB));
        assertEquals(List.of(new ParseProblem("a=" + "1".repeat(ONE_MB), ProblemReason.VALUE_NOT_FINITE)),
                digits.problems());
        ParsedPerfdata semicolons = PerfdataParser.parse("a=1" + ";".repeat(ONE_MB));
        assertEquals(1, semicolons.metrics().size());
        ParsedPerfdata label = PerfdataParser.parse("x".repeat(ONE_MB) + "=1");
        assertEquals(1, label.metrics().size());
        ParsedPerfdata pipes = PerfdataParser.parse("|".repeat(ONE_MB) + "a=1");
        assertEquals(1, pipes.metrics().size());
    }
}
