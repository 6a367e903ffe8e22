package org.perfbridge.perfdata;

import static org.perfbridge.perfdata.ProblemReason.CRITICAL_NOT_A_RANGE;
import static org.perfbridge.perfdata.ProblemReason.CRITICAL_REVERSED;
import static org.perfbridge.perfdata.ProblemReason.CRITICAL_UNIT_MISMATCH;
import static org.perfbridge.perfdata.ProblemReason.DUPLICATE_LABEL;
import static org.perfbridge.perfdata.ProblemReason.EMPTY_LABEL;
import static org.perfbridge.perfdata.ProblemReason.EMPTY_VALUE;
import static org.perfbridge.perfdata.ProblemReason.INTERNAL_ERROR;
import static org.perfbridge.perfdata.ProblemReason.MAX_NOT_A_NUMBER;
import static org.perfbridge.perfdata.ProblemReason.MAX_UNIT_MISMATCH;
import static org.perfbridge.perfdata.ProblemReason.MIN_NOT_A_NUMBER;
import static org.perfbridge.perfdata.ProblemReason.MIN_UNIT_MISMATCH;
import static org.perfbridge.perfdata.ProblemReason.MISSING_EQUALS;
import static org.perfbridge.perfdata.ProblemReason.TEXT_BEFORE_FIRST_METRIC;
import static org.perfbridge.perfdata.ProblemReason.UNTERMINATED_QUOTE;
import static org.perfbridge.perfdata.ProblemReason.VALUE_NOT_A_NUMBER;
import static org.perfbridge.perfdata.ProblemReason.VALUE_NOT_FINITE;
import static org.perfbridge.perfdata.ProblemReason.WARNING_NOT_A_RANGE;
import static org.perfbridge.perfdata.ProblemReason.WARNING_REVERSED;
import static org.perfbridge.perfdata.ProblemReason.WARNING_UNIT_MISMATCH;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a Nagios plugin perfdata string into {@link PerfMetric}s and {@link ParseProblem}s.
 *
 * <p>The parser is a hand-written single-pass scanner (no regular expressions) and runs in linear time.
 * {@link #parse(String)} never throws: whatever cannot be read is reported as a {@link ParseProblem} and
 * skipped, and every other metric is still returned.
 *
 * <h2>Grammar</h2>
 * <pre>
 *   perfdata = [ws] metric { ws metric } [ws]
 *   metric   = label '=' value [unit] [';' [warn] [';' [crit] [';' [min] [';' [max] { ';' ignored }]]]]
 *   label    = unquoted | "'" { any char except "'" | "''" } "'"
 * </pre>
 * <ul>
 *   <li><b>Separators</b>: one or more whitespace characters ({@link Character#isWhitespace(char)}:
 *       spaces, tabs, newlines, ...). Leading and trailing whitespace is ignored.</li>
 *   <li><b>Labels</b>: unquoted labels run up to the first {@code =} and contain no whitespace.
 *       Quoted labels may hold anything (spaces, {@code =}, {@code |}, non-ASCII); {@code ''} is an escaped
 *       quote ({@code 'it''s'} is {@code it's}). Labels are kept exactly as given (not trimmed).
 *       An empty label ({@code =1} or {@code ''=1}) skips that metric ({@link ProblemReason#EMPTY_LABEL}).</li>
 *   <li><b>Value</b>: optional sign ({@code +}/{@code -}), digits with an optional decimal point or decimal
 *       comma ({@code 0,5} is 0.5; {@code 5.} and {@code .5} are accepted), optional exponent
 *       ({@code 1.5e3}, {@code 2E-4}; an {@code e} not followed by digits starts the unit instead).
 *       {@code U} alone is "undetermined": the value and unit are {@code null}, thresholds/min/max are kept.
 *       An empty value is {@link ProblemReason#EMPTY_VALUE}; {@code NaN}, {@code Infinity}, {@code inf} or a number that
 *       overflows to infinity is {@link ProblemReason#VALUE_NOT_FINITE}; anything else unreadable is
 *       {@link ProblemReason#VALUE_NOT_A_NUMBER}. In all three cases the metric is skipped.</li>
 *   <li><b>Unit</b>: the text after the number up to {@code ;} or whitespace, kept exactly as given
 *       ({@code ms}, {@code %}, {@code KB}, {@code dBm}, {@code °C}, {@code req/s}, ...); no unit is
 *       {@code null}. Values are never rescaled. A "unit" that starts with a digit, {@code . , + - : ~ @} or
 *       contains {@code =} (e.g. {@code 1.2.3}, {@code 10-20}, {@code 1b=2}) makes the value
 *       {@link ProblemReason#VALUE_NOT_A_NUMBER}.</li>
 *   <li><b>Warning/critical</b>: empty means {@code null}. A bare number {@code 10} is
 *       {@link Threshold#plain(double)}. Nagios ranges give {@link Threshold#range(Double, Double, boolean)}:
 *       {@code 10:} (10, null), {@code ~:10} (null, 10), {@code 10:20}, {@code @10:20} (inside). As in the
 *       Nagios plugins C library, an omitted start means 0: {@code :10} is (0, 10); {@code @10} (a bare number
 *       with {@code @}) is range (0, 10, inside); {@code ~:} is (null, null). A range whose start is greater
 *       than its end is rejected. Each number may carry a unit only if it is identical to the value's unit
 *       ({@code 80%} for a {@code %} value); it is ignored. A threshold that does not parse is dropped
 *       (the metric is kept) and reported with the metric's text and one of the {@code WARNING_*} /
 *       {@code CRITICAL_*} {@link ProblemReason}s.</li>
 *   <li><b>Min/max</b>: a number (same unit rule) or empty. One that does not parse is dropped (the metric is
 *       kept) and reported with a {@code MIN_*} / {@code MAX_*} reason.</li>
 *   <li><b>Extra fields</b>: more than five {@code ;}-separated fields: the extra fields are ignored and
 *       no problem is reported.</li>
 *   <li><b>Duplicate labels</b>: the last occurrence's values win; the metric stays at the position of the
 *       <em>first</em> occurrence in the returned list. Each repeat adds
 *       {@code ParseProblem(label, }{@link ProblemReason#DUPLICATE_LABEL}{@code )} (the problem's text is the label).</li>
 *   <li><b>Pipe</b>: if the string holds a {@code |} outside a quoted label (plugin output included by
 *       mistake, e.g. {@code "OK - fine | a=1"}), everything up to and including the first such {@code |}
 *       is ignored silently (metrics and problems found before it are discarded). Any later {@code |} outside
 *       a quoted label separates tokens like whitespace.</li>
 *   <li><b>Text before the first metric</b>: tokens without any {@code =} before the first token holding a
 *       {@code =} are reported together as one problem (the text from the first to the last such token)
 *       with reason {@link ProblemReason#TEXT_BEFORE_FIRST_METRIC}. If no token holds a {@code =} at all, that text is
 *       reported as one problem with reason {@link ProblemReason#MISSING_EQUALS}.</li>
 *   <li><b>Bad tokens</b>: a token without {@code =} after the first metric gives {@link ProblemReason#MISSING_EQUALS};
 *       the parser resynchronises at the next whitespace. A quote that opens a token but is never closed
 *       gives {@link ProblemReason#UNTERMINATED_QUOTE} for the text up to the next whitespace (so
 *       {@code 'abc=1 b=2} still yields {@code b=2}). A closed quoted label that is not followed by {@code =}
 *       and spans whitespace is treated the same way (the token ends at the first whitespace), so a stray
 *       quote cannot swallow the metrics after it; one that spans no whitespace gives
 *       {@link ProblemReason#MISSING_EQUALS}.</li>
 *   <li>Problems are listed in input order; each carries the raw text of its token (except duplicates, see
 *       above).</li>
 * </ul>
 */
public final class PerfdataParser {

    private static final ParsedPerfdata EMPTY = new ParsedPerfdata(List.of(), List.of());

    private PerfdataParser() {
    }

    /**
     * Parses a perfdata string. Never throws.
     *
     * @param perfdata the perfdata, may be {@code null}
     * @return the metrics in input order and the problems in input order; {@code null} or empty input
     *         gives no metrics and no problems
     */
    public static ParsedPerfdata parse(String perfdata) {
        if (perfdata == null || perfdata.isEmpty()) {
            return EMPTY;
        }
        try {
            return new Scanner(perfdata).run();
        } catch (RuntimeException e) {
            return new ParsedPerfdata(List.of(), List.of(new ParseProblem(perfdata, INTERNAL_ERROR)));
        }
    }

    /** Reasons for one kind of field: warning, critical, min or max. */
    private enum Field {
        WARNING(WARNING_NOT_A_RANGE, WARNING_UNIT_MISMATCH, WARNING_REVERSED),
        CRITICAL(CRITICAL_NOT_A_RANGE, CRITICAL_UNIT_MISMATCH, CRITICAL_REVERSED),
        MIN(MIN_NOT_A_NUMBER, MIN_UNIT_MISMATCH, MIN_NOT_A_NUMBER),
        MAX(MAX_NOT_A_NUMBER, MAX_UNIT_MISMATCH, MAX_NOT_A_NUMBER);

        final ProblemReason notANumber;
        final ProblemReason unitMismatch;
        final ProblemReason reversed;

        Field(ProblemReason notANumber, ProblemReason unitMismatch, ProblemReason reversed) {
            this.notANumber = notANumber;
            this.unitMismatch = unitMismatch;
            this.reversed = reversed;
        }
    }

    private static final int MAX_FIELDS = 5;

    /** One parse run over one string. */
    private static final class Scanner {
        private final String s;
        private final int n;
        private final Map<String, PerfMetric> metrics = new LinkedHashMap<>();
        private final List<ParseProblem> problems = new ArrayList<>();
        private boolean pipeSeen;
        private boolean metricSeen;
        private int leadStart = -1;
        private int leadEnd = -1;
        /** Reason of the last failed {@link #number} call (a {@link Field} reason selector). */
        private int numberError;

        private static final int ERR_NOT_A_NUMBER = 1;
        private static final int ERR_UNIT = 2;

        Scanner(String s) {
            this.s = s;
            this.n = s.length();
        }

        ParsedPerfdata run() {
            int i = 0;
            while (true) {
                while (i < n && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                char c = s.charAt(i);
                if (c == '|') {
                    if (!pipeSeen) {
                        pipeSeen = true;
                        reset();
                    }
                    i++;
                } else if (c == '\'') {
                    i = quotedToken(i);
                } else {
                    i = plainToken(i);
                }
            }
            if (leadStart >= 0) {
                problems.add(new ParseProblem(s.substring(leadStart, leadEnd), MISSING_EQUALS));
            }
            return new ParsedPerfdata(new ArrayList<>(metrics.values()), problems);
        }

        private void reset() {
            metrics.clear();
            problems.clear();
            metricSeen = false;
            leadStart = -1;
            leadEnd = -1;
        }

        /** First index at or after {@code i} holding whitespace or {@code |}, or {@code n}. */
        private int tokenEnd(int i) {
            while (i < n) {
                char c = s.charAt(i);
                if (c == '|' || Character.isWhitespace(c)) {
                    return i;
                }
                i++;
            }
            return n;
        }

        private int indexOf(char c, int from, int to) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) == c) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * The quote closing the label opened at {@code open}, skipping {@code ''} escapes, or -1.
         * Linear overall: after one failed search every later opening quote closes within its own run of quotes.
         */
        private int closingQuote(int open) {
            int j = open + 1;
            while (true) {
                int q = s.indexOf('\'', j);
                if (q < 0) {
                    return -1;
                }
                if (q + 1 < n && s.charAt(q + 1) == '\'') {
                    j = q + 2;
                } else {
                    return q;
                }
            }
        }

        private int quotedToken(int open) {
            int close = closingQuote(open);
            if (close < 0) {
                int end = tokenEnd(open);
                bad(open, end, UNTERMINATED_QUOTE);
                return end;
            }
            if (close + 1 < n && s.charAt(close + 1) == '=') {
                int end = tokenEnd(close + 2);
                String label = s.substring(open + 1, close).replace("''", "'");
                metric(open, end, label, close + 2);
                return end;
            }
            int firstBreak = tokenEnd(open);
            if (firstBreak < close) {
                bad(open, firstBreak, UNTERMINATED_QUOTE);
                return firstBreak;
            }
            int end = tokenEnd(close + 1);
            bad(open, end, MISSING_EQUALS);
            return end;
        }

        private int plainToken(int start) {
            int end = tokenEnd(start);
            int eq = indexOf('=', start, end);
            if (eq < 0) {
                bad(start, end, MISSING_EQUALS);
            } else if (eq == start) {
                bad(start, end, EMPTY_LABEL);
            } else {
                metric(start, end, s.substring(start, eq), eq + 1);
            }
            return end;
        }

        private void bad(int start, int end, ProblemReason reason) {
            boolean metricLike = indexOf('=', start, end) >= 0;
            if (!metricSeen && !metricLike) {
                if (leadStart < 0) {
                    leadStart = start;
                }
                leadEnd = end;
                return;
            }
            markMetricSeen();
            problems.add(new ParseProblem(s.substring(start, end), reason));
        }

        private void markMetricSeen() {
            if (!metricSeen) {
                metricSeen = true;
                if (leadStart >= 0) {
                    problems.add(new ParseProblem(s.substring(leadStart, leadEnd), TEXT_BEFORE_FIRST_METRIC));
                    leadStart = -1;
                    leadEnd = -1;
                }
            }
        }

        private void metric(int start, int end, String label, int valueStart) {
            markMetricSeen();
            String text = s.substring(start, end);
            if (label.isEmpty()) {
                problems.add(new ParseProblem(text, EMPTY_LABEL));
                return;
            }
            int[] from = new int[MAX_FIELDS];
            int[] to = new int[MAX_FIELDS];
            int count = 0;
            int fieldStart = valueStart;
            while (count < MAX_FIELDS) {
                int semi = indexOf(';', fieldStart, end);
                from[count] = fieldStart;
                to[count] = semi < 0 ? end : semi;
                count++;
                if (semi < 0) {
                    break;
                }
                fieldStart = semi + 1;
            }

            int vs = from[0];
            int ve = to[0];
            Double value;
            String unit;
            if (vs == ve) {
                problems.add(new ParseProblem(text, EMPTY_VALUE));
                return;
            }
            if (ve - vs == 1 && s.charAt(vs) == 'U') {
                value = null;
                unit = null;
            } else {
                int numberEnd = scanNumber(vs, ve);
                if (numberEnd < 0) {
                    problems.add(new ParseProblem(text, looksNonFinite(vs, ve) ? VALUE_NOT_FINITE : VALUE_NOT_A_NUMBER));
                    return;
                }
                if (numberEnd < ve && !validUnit(numberEnd, ve)) {
                    problems.add(new ParseProblem(text, VALUE_NOT_A_NUMBER));
                    return;
                }
                double d = toDouble(vs, numberEnd);
                if (!Double.isFinite(d)) {
                    problems.add(new ParseProblem(text, VALUE_NOT_FINITE));
                    return;
                }
                value = d;
                unit = numberEnd < ve ? s.substring(numberEnd, ve) : null;
            }

            Threshold warning = count > 1 ? threshold(from[1], to[1], unit, text, Field.WARNING) : null;
            Threshold critical = count > 2 ? threshold(from[2], to[2], unit, text, Field.CRITICAL) : null;
            Double min = count > 3 ? bound(from[3], to[3], unit, text, Field.MIN) : null;
            Double max = count > 4 ? bound(from[4], to[4], unit, text, Field.MAX) : null;

            if (metrics.containsKey(label)) {
                problems.add(new ParseProblem(label, DUPLICATE_LABEL));
            }
            metrics.put(label, new PerfMetric(label, value, unit, warning, critical, min, max));
        }

        private Threshold threshold(int from, int to, String unit, String text, Field field) {
            if (from == to) {
                return null;
            }
            int i = from;
            boolean inside = false;
            if (s.charAt(i) == '@') {
                inside = true;
                i++;
            }
            int colon = indexOf(':', i, to);
            if (colon < 0) {
                Double number = number(i, to, unit);
                if (number == null) {
                    return fail(text, field);
                }
                return inside ? Threshold.range(0.0, number, true) : Threshold.plain(number);
            }
            Double low;
            if (colon == i) {
                low = 0.0;
            } else if (colon == i + 1 && s.charAt(i) == '~') {
                low = null;
            } else {
                low = number(i, colon, unit);
                if (low == null) {
                    return fail(text, field);
                }
            }
            Double high = null;
            if (colon + 1 < to) {
                high = number(colon + 1, to, unit);
                if (high == null) {
                    return fail(text, field);
                }
            }
            if (low != null && high != null && low > high) {
                problems.add(new ParseProblem(text, field.reversed));
                return null;
            }
            return Threshold.range(low, high, inside);
        }

        private Threshold fail(String text, Field field) {
            problems.add(new ParseProblem(text, numberError == ERR_UNIT ? field.unitMismatch : field.notANumber));
            return null;
        }

        private Double bound(int from, int to, String unit, String text, Field field) {
            if (from == to) {
                return null;
            }
            Double number = number(from, to, unit);
            if (number == null) {
                fail(text, field);
            }
            return number;
        }

        /** A finite number with an optional unit identical to {@code unit}; null (and {@link #numberError}) if not. */
        private Double number(int from, int to, String unit) {
            int numberEnd = scanNumber(from, to);
            if (numberEnd < 0) {
                numberError = ERR_NOT_A_NUMBER;
                return null;
            }
            if (numberEnd < to) {
                if (!validUnit(numberEnd, to)) {
                    numberError = ERR_NOT_A_NUMBER;
                    return null;
                }
                if (unit == null || to - numberEnd != unit.length()
                        || !s.regionMatches(numberEnd, unit, 0, unit.length())) {
                    numberError = ERR_UNIT;
                    return null;
                }
            }
            double d = toDouble(from, numberEnd);
            if (!Double.isFinite(d)) {
                numberError = ERR_NOT_A_NUMBER;
                return null;
            }
            return d;
        }

        /**
         * Scans {@code [+-] digits [(.|,) digits] [(e|E) [+-] digits]} (at least one mantissa digit) from
         * {@code from}; returns the index after it, or -1 if there is no number there.
         */
        private int scanNumber(int from, int to) {
            int i = from;
            if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int digits = 0;
            while (i < to && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
            if (i < to && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int j = i + 1;
                int fraction = 0;
                while (j < to && isDigit(s.charAt(j))) {
                    j++;
                    fraction++;
                }
                if (digits + fraction > 0) {
                    i = j;
                    digits += fraction;
                }
            }
            if (digits == 0) {
                return -1;
            }
            if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                int j = i + 1;
                if (j < to && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                    j++;
                }
                int exponentDigits = 0;
                while (j < to && isDigit(s.charAt(j))) {
                    j++;
                    exponentDigits++;
                }
                if (exponentDigits > 0) {
                    i = j;
                }
            }
            return i;
        }

        private double toDouble(int from, int to) {
            String number = s.substring(from, to).replace(',', '.');
            try {
                return Double.parseDouble(number);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        private boolean validUnit(int from, int to) {
            char first = s.charAt(from);
            if (isDigit(first) || ".,+-:~@".indexOf(first) >= 0) {
                return false;
            }
            return indexOf('=', from, to) < 0;
        }

        private boolean looksNonFinite(int from, int to) {
            int i = from;
            if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            return to - i >= 3 && (s.regionMatches(true, i, "nan", 0, 3) || s.regionMatches(true, i, "inf", 0, 3));
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
