package org.perfbridge.perfdata;

import java.util.List;

import org.junit.jupiter.params.provider.Arguments;

/** Builders for expected parse results, shared by the perfdata tests. */
final class PerfdataExpectations {

    private PerfdataExpectations() {
    }

    static PerfMetric m(String label, Double value) {
        return new PerfMetric(label, value, null, null, null, null, null);
    }

    static PerfMetric m(String label, Double value, String unit) {
        return new PerfMetric(label, value, unit, null, null, null, null);
    }

    static PerfMetric m(String label, Double value, String unit, Threshold warning, Threshold critical) {
        return new PerfMetric(label, value, unit, warning, critical, null, null);
    }

    static PerfMetric m(String label, Double value, String unit, Threshold warning, Threshold critical,
                        Double min, Double max) {
        return new PerfMetric(label, value, unit, warning, critical, min, max);
    }

    /** A bare-number threshold. */
    static Threshold pl(double number) {
        return Threshold.plain(number);
    }

    /** A range threshold, alerting outside. */
    static Threshold r(Double low, Double high) {
        return Threshold.range(low, high, false);
    }

    /** A range threshold with {@code @}, alerting inside. */
    static Threshold in(Double low, Double high) {
        return Threshold.range(low, high, true);
    }

    static ParseProblem p(String text, ProblemReason reason) {
        return new ParseProblem(text, reason);
    }

    static List<PerfMetric> metrics(PerfMetric... metrics) {
        return List.of(metrics);
    }

    /** A case expecting exactly these metrics and no problems. */
    static Arguments ok(String name, String input, PerfMetric... metrics) {
        return Arguments.of(name, input, new ParsedPerfdata(List.of(metrics), List.of()));
    }

    /** A case expecting exactly these metrics and these problems. */
    static Arguments bad(String name, String input, List<PerfMetric> metrics, ParseProblem... problems) {
        return Arguments.of(name, input, new ParsedPerfdata(metrics, List.of(problems)));
    }
}
