package org.perfbridge.perfdata;

/** Why a piece of perfdata was skipped: the whole metric, or only a part of it. */
public enum ProblemReason {
    /** A token has no {@code =} (or a quoted label is not followed by one). */
    MISSING_EQUALS("missing '='", Skipped.METRIC),
    EMPTY_LABEL("empty label", Skipped.METRIC),
    /** A quote opening a label is never closed. */
    UNTERMINATED_QUOTE("unterminated quote", Skipped.METRIC),
    /** Nothing after the {@code =}. */
    EMPTY_VALUE("empty value", Skipped.METRIC),
    /** The value is not a number (nor {@code U}). */
    VALUE_NOT_A_NUMBER("value is not a number", Skipped.METRIC),
    /** The value is NaN or infinite. */
    VALUE_NOT_FINITE("value is not finite", Skipped.METRIC),
    /** A label seen before; the last value is kept. */
    DUPLICATE_LABEL("duplicate label, last value kept", Skipped.PART),
    /** Text without {@code =} found before the first metric. */
    TEXT_BEFORE_FIRST_METRIC("text before the first metric skipped", Skipped.PART),
    WARNING_NOT_A_RANGE("warning threshold is not a number or range", Skipped.PART),
    WARNING_UNIT_MISMATCH("warning threshold unit does not match value unit", Skipped.PART),
    WARNING_REVERSED("warning threshold range start is greater than end", Skipped.PART),
    CRITICAL_NOT_A_RANGE("critical threshold is not a number or range", Skipped.PART),
    CRITICAL_UNIT_MISMATCH("critical threshold unit does not match value unit", Skipped.PART),
    CRITICAL_REVERSED("critical threshold range start is greater than end", Skipped.PART),
    MIN_NOT_A_NUMBER("min is not a number", Skipped.PART),
    MIN_UNIT_MISMATCH("min unit does not match value unit", Skipped.PART),
    MAX_NOT_A_NUMBER("max is not a number", Skipped.PART),
    MAX_UNIT_MISMATCH("max unit does not match value unit", Skipped.PART),
    /** Safety net only: reported if the parser itself fails; never expected. */
    INTERNAL_ERROR("internal parser error", Skipped.METRIC);

    private enum Skipped { METRIC, PART }

    private final String text;
    private final Skipped skipped;

    ProblemReason(String text, Skipped skipped) {
        this.text = text;
        this.skipped = skipped;
    }

    /** As the API and the status report show it. */
    public String text() {
        return text;
    }

    /** Whether the whole metric was skipped, rather than a part of it dropped or a duplicate noted. */
    public boolean rejectsMetric() {
        return skipped == Skipped.METRIC;
    }

    public static ProblemReason ofText(String text) {
        for (ProblemReason reason : values()) {
            if (reason.text.equals(text)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("no perfdata problem reason reads '" + text + "'");
    }
}
