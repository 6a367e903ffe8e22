package org.perfbridge.perfdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perfbridge.perfdata.PerfdataExpectations.bad;
import static org.perfbridge.perfdata.PerfdataExpectations.in;
import static org.perfbridge.perfdata.PerfdataExpectations.m;
import static org.perfbridge.perfdata.PerfdataExpectations.metrics;
import static org.perfbridge.perfdata.PerfdataExpectations.ok;
import static org.perfbridge.perfdata.PerfdataExpectations.p;
import static org.perfbridge.perfdata.PerfdataExpectations.pl;
import static org.perfbridge.perfdata.PerfdataExpectations.r;
import static org.perfbridge.perfdata.ProblemReason.CRITICAL_NOT_A_RANGE;
import static org.perfbridge.perfdata.ProblemReason.CRITICAL_REVERSED;
import static org.perfbridge.perfdata.ProblemReason.CRITICAL_UNIT_MISMATCH;
import static org.perfbridge.perfdata.ProblemReason.DUPLICATE_LABEL;
import static org.perfbridge.perfdata.ProblemReason.EMPTY_LABEL;
import static org.perfbridge.perfdata.ProblemReason.EMPTY_VALUE;
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

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table-driven tests of every rule of {@link PerfdataParser}: exact metrics and exact problems. */
class PerfdataParserTest {

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @MethodSource("cases")
    void parses(String name, String input, ParsedPerfdata expected) {
        assertEquals(expected, PerfdataParser.parse(input));
    }

    @Test
    void reasonsAreStableLowercasePhrases() {
        for (ProblemReason reason : List.of(ProblemReason.MISSING_EQUALS, EMPTY_LABEL, UNTERMINATED_QUOTE, EMPTY_VALUE,
                VALUE_NOT_A_NUMBER, VALUE_NOT_FINITE, DUPLICATE_LABEL, TEXT_BEFORE_FIRST_METRIC,
                WARNING_NOT_A_RANGE, WARNING_UNIT_MISMATCH, WARNING_REVERSED, CRITICAL_NOT_A_RANGE,
                CRITICAL_UNIT_MISMATCH, CRITICAL_REVERSED, MIN_NOT_A_NUMBER, MIN_UNIT_MISMATCH,
                MAX_NOT_A_NUMBER, MAX_UNIT_MISMATCH, ProblemReason.INTERNAL_ERROR)) {
            assertEquals(reason.text().toLowerCase(java.util.Locale.ROOT), reason.text());
        }
        assertEquals("missing '='", MISSING_EQUALS.text());
        assertEquals("empty label", EMPTY_LABEL.text());
        assertEquals("value is not a number", VALUE_NOT_A_NUMBER.text());
        assertEquals("unterminated quote", UNTERMINATED_QUOTE.text());
        assertEquals("duplicate label, last value kept", DUPLICATE_LABEL.text());
        assertEquals("text before the first metric skipped", TEXT_BEFORE_FIRST_METRIC.text());
        assertEquals("warning threshold is not a number or range", WARNING_NOT_A_RANGE.text());
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // --- empty input and whitespace ---
                ok("null", null),
                ok("empty", ""),
                ok("blanks only", "   "),
                ok("mixed whitespace only", " \t\r\n "),

                // --- separators ---
                ok("single metric", "a=1", m("a", 1.0)),
                ok("two metrics", "a=1 b=2", m("a", 1.0), m("b", 2.0)),
                ok("several spaces", "a=1     b=2", m("a", 1.0), m("b", 2.0)),
                ok("tab", "a=1\tb=2", m("a", 1.0), m("b", 2.0)),
                ok("newline", "a=1\nb=2", m("a", 1.0), m("b", 2.0)),
                ok("crlf and tab", "a=1\r\n\tb=2", m("a", 1.0), m("b", 2.0)),
                ok("leading and trailing whitespace", "  \n a=1 b=2 \t\n", m("a", 1.0), m("b", 2.0)),
                ok("all five fields", "a=1ms;2;3;0;10", m("a", 1.0, "ms", pl(2), pl(3), 0.0, 10.0)),

                // --- labels ---
                ok("quoted label with space", "'a b'=1", m("a b", 1.0)),
                ok("quoted label with '='", "'a=b'=1", m("a=b", 1.0)),
                ok("quoted label with dots and slashes", "'x.y/z'=1", m("x.y/z", 1.0)),
                ok("quoted non-ASCII label", "'Größe 温度'=1", m("Größe 温度", 1.0)),
                ok("escaped quote in label", "'it''s'=1", m("it's", 1.0)),
                ok("escaped quote at label end", "'a'''=1", m("a'", 1.0)),
                ok("label that is one quote", "''''=1", m("'", 1.0)),
                ok("quote inside an unquoted label", "it's=1", m("it's", 1.0)),
                ok("quoted label keeps inner spaces", "' a '=1", m(" a ", 1.0)),
                ok("quoted label with backslash and percent", "'C:\\ used %'=46%;80;90",
                        m("C:\\ used %", 46.0, "%", pl(80), pl(90))),
                ok("quoted label with pipe", "'a|b'=1", m("a|b", 1.0)),
                ok("unquoted non-ASCII label", "température=21°C", m("température", 21.0, "°C")),
                bad("empty unquoted label", "=1", metrics(), p("=1", EMPTY_LABEL)),
                bad("empty quoted label", "''=1", metrics(), p("''=1", EMPTY_LABEL)),
                bad("empty label does not hurt others", "a=1 =2 b=3", metrics(m("a", 1.0), m("b", 3.0)),
                        p("=2", EMPTY_LABEL)),
                bad("space between quoted label and '='", "'a b' =1", metrics(),
                        p("'a b'", TEXT_BEFORE_FIRST_METRIC), p("=1", EMPTY_LABEL)),

                // --- values ---
                ok("negative", "a=-1", m("a", -1.0)),
                ok("leading plus", "a=+1", m("a", 1.0)),
                ok("decimal", "a=1.5", m("a", 1.5)),
                ok("no integer part", "a=.5", m("a", 0.5)),
                ok("no fraction digits", "a=5.", m("a", 5.0)),
                ok("exponent", "a=1.5e3", m("a", 1500.0)),
                ok("negative upper-case exponent", "a=2E-4", m("a", 2.0E-4)),
                ok("exponent with plus", "a=1e+2", m("a", 100.0)),
                ok("decimal comma", "a=0,5", m("a", 0.5)),
                ok("decimal comma everywhere", "a=0,5;0,75;1,5;0,0;2,5",
                        m("a", 0.5, null, pl(0.75), pl(1.5), 0.0, 2.5)),
                ok("negative exponent with unit", "a=-0.5e-1s", m("a", -0.05, "s")),
                ok("large integer", "a=123456789012", m("a", 123456789012.0)),
                ok("undetermined", "a=U", m("a", null)),
                ok("undetermined keeps thresholds, min and max", "a=U;1;2;0;10",
                        m("a", null, null, pl(1), pl(2), 0.0, 10.0)),
                ok("'e' without digits starts the unit", "a=5e", m("a", 5.0, "e")),
                ok("exabytes are not an exponent", "a=5EB", m("a", 5.0, "EB")),
                bad("empty value", "a=", metrics(), p("a=", EMPTY_VALUE)),
                bad("empty value with thresholds", "a=;1;2", metrics(), p("a=;1;2", EMPTY_VALUE)),
                bad("letters", "a=abc", metrics(), p("a=abc", VALUE_NOT_A_NUMBER)),
                bad("NaN", "a=NaN", metrics(), p("a=NaN", VALUE_NOT_FINITE)),
                bad("Infinity", "a=Infinity", metrics(), p("a=Infinity", VALUE_NOT_FINITE)),
                bad("negative inf", "a=-inf", metrics(), p("a=-inf", VALUE_NOT_FINITE)),
                bad("overflow to infinity", "a=1e999", metrics(), p("a=1e999", VALUE_NOT_FINITE)),
                bad("two decimal points", "a=1.2.3", metrics(), p("a=1.2.3", VALUE_NOT_A_NUMBER)),
                bad("range as value", "a=10-20", metrics(), p("a=10-20", VALUE_NOT_A_NUMBER)),
                bad("missing space between metrics", "a=1b=2", metrics(), p("a=1b=2", VALUE_NOT_A_NUMBER)),
                bad("second '=' in value", "a=1=2", metrics(), p("a=1=2", VALUE_NOT_A_NUMBER)),
                bad("lower-case u", "a=u", metrics(), p("a=u", VALUE_NOT_A_NUMBER)),
                bad("UU", "a=UU", metrics(), p("a=UU", VALUE_NOT_A_NUMBER)),
                bad("sign only", "a=-", metrics(), p("a=-", VALUE_NOT_A_NUMBER)),
                bad("exponent only", "a=e5", metrics(), p("a=e5", VALUE_NOT_A_NUMBER)),
                bad("thousands separator", "a=1,234.5", metrics(), p("a=1,234.5", VALUE_NOT_A_NUMBER)),

                // --- units ---
                ok("standard units", "a=1s b=2ms c=3us d=4% e=5B f=6KB g=7MB h=8GB i=9TB j=10c",
                        m("a", 1.0, "s"), m("b", 2.0, "ms"), m("c", 3.0, "us"), m("d", 4.0, "%"),
                        m("e", 5.0, "B"), m("f", 6.0, "KB"), m("g", 7.0, "MB"), m("h", 8.0, "GB"),
                        m("i", 9.0, "TB"), m("j", 10.0, "c")),
                ok("dBm", "signal=-70dBm", m("signal", -70.0, "dBm")),
                ok("degrees", "t=21.5°C", m("t", 21.5, "°C")),
                ok("slash in unit", "rate=3req/s", m("rate", 3.0, "req/s")),
                ok("never rescaled", "a=1024KB;2048;4096;0;8192", m("a", 1024.0, "KB", pl(2048), pl(4096), 0.0, 8192.0)),
                ok("unit repeated on every field", "a=1%;80%;90%;0%;100%", m("a", 1.0, "%", pl(80), pl(90), 0.0, 100.0)),
                ok("unit on the range end only", "a=1%;80:90%", m("a", 1.0, "%", r(80.0, 90.0), null)),
                ok("unit on both range ends", "a=1%;80%:90%;@5%:10%", m("a", 1.0, "%", r(80.0, 90.0), in(5.0, 10.0))),
                bad("threshold unit differs", "a=1MB;80%;90", metrics(m("a", 1.0, "MB", null, pl(90))),
                        p("a=1MB;80%;90", WARNING_UNIT_MISMATCH)),
                bad("threshold unit without value unit", "a=1;80;90%", metrics(m("a", 1.0, null, pl(80), null)),
                        p("a=1;80;90%", CRITICAL_UNIT_MISMATCH)),
                bad("threshold unit on undetermined value", "a=U;80%", metrics(m("a", null)),
                        p("a=U;80%", WARNING_UNIT_MISMATCH)),
                bad("seconds vs milliseconds", "a=1ms;1s", metrics(m("a", 1.0, "ms")),
                        p("a=1ms;1s", WARNING_UNIT_MISMATCH)),

                // --- thresholds ---
                ok("plain thresholds", "a=1;10;20", m("a", 1.0, null, pl(10), pl(20))),
                ok("low only", "a=1;10:", m("a", 1.0, null, r(10.0, null), null)),
                ok("minus infinity", "a=1;~:10", m("a", 1.0, null, r(null, 10.0), null)),
                ok("low and high", "a=1;10:20", m("a", 1.0, null, r(10.0, 20.0), null)),
                ok("inside range", "a=1;@10:20", m("a", 1.0, null, in(10.0, 20.0), null)),
                ok("omitted start means zero", "a=1;:10", m("a", 1.0, null, r(0.0, 10.0), null)),
                ok("inside plain number", "a=1;@10", m("a", 1.0, null, in(0.0, 10.0), null)),
                ok("everything", "a=1;~:", m("a", 1.0, null, r(null, null), null)),
                ok("inside from minus infinity", "a=1;;@~:5", m("a", 1.0, null, null, in(null, 5.0))),
                ok("negative range", "a=1;-10:-5", m("a", 1.0, null, r(-10.0, -5.0), null)),
                ok("exponents in range", "a=1;1e3:2E3", m("a", 1.0, null, r(1000.0, 2000.0), null)),
                ok("equal ends", "a=1;10:10", m("a", 1.0, null, r(10.0, 10.0), null)),
                ok("decimal comma range", "a=1;0,5:1,5", m("a", 1.0, null, r(0.5, 1.5), null)),
                ok("empty thresholds", "a=1;;", m("a", 1.0)),
                ok("all fields empty", "a=1;;;;", m("a", 1.0)),
                ok("warning only", "a=1;5;;;", m("a", 1.0, null, pl(5), null)),
                ok("critical only", "a=1;;10", m("a", 1.0, null, null, pl(10))),
                ok("one trailing semicolon", "a=1;", m("a", 1.0)),
                bad("bad warning keeps the metric", "a=1;abc;10", metrics(m("a", 1.0, null, null, pl(10))),
                        p("a=1;abc;10", WARNING_NOT_A_RANGE)),
                bad("bad critical keeps the metric", "a=1;10;xyz", metrics(m("a", 1.0, null, pl(10), null)),
                        p("a=1;10;xyz", CRITICAL_NOT_A_RANGE)),
                bad("both thresholds bad", "a=1;x;y b=2", metrics(m("a", 1.0), m("b", 2.0)),
                        p("a=1;x;y", WARNING_NOT_A_RANGE), p("a=1;x;y", CRITICAL_NOT_A_RANGE)),
                bad("reversed warning range", "a=1;20:10", metrics(m("a", 1.0)), p("a=1;20:10", WARNING_REVERSED)),
                bad("reversed critical range", "a=1;5;20:10", metrics(m("a", 1.0, null, pl(5), null)),
                        p("a=1;5;20:10", CRITICAL_REVERSED)),
                bad("tilde alone", "a=1;~", metrics(m("a", 1.0)), p("a=1;~", WARNING_NOT_A_RANGE)),
                bad("at sign alone", "a=1;@", metrics(m("a", 1.0)), p("a=1;@", WARNING_NOT_A_RANGE)),
                bad("two colons", "a=1;10:20:30", metrics(m("a", 1.0)), p("a=1;10:20:30", WARNING_NOT_A_RANGE)),
                bad("tilde as end", "a=1;10:~", metrics(m("a", 1.0)), p("a=1;10:~", WARNING_NOT_A_RANGE)),
                bad("NaN threshold", "a=1;NaN", metrics(m("a", 1.0)), p("a=1;NaN", WARNING_NOT_A_RANGE)),
                bad("infinite threshold", "a=1;;1e999", metrics(m("a", 1.0)), p("a=1;;1e999", CRITICAL_NOT_A_RANGE)),

                // --- min and max ---
                ok("min and max", "a=1;;;0;100", m("a", 1.0, null, null, null, 0.0, 100.0)),
                ok("min and max with the value unit", "a=1ms;;;0ms;100ms", m("a", 1.0, "ms", null, null, 0.0, 100.0)),
                ok("signed and comma min and max", "a=1;;;-5.5;+5,5", m("a", 1.0, null, null, null, -5.5, 5.5)),
                ok("min only", "a=1;;;0", m("a", 1.0, null, null, null, 0.0, null)),
                ok("max only", "a=1;;;;100", m("a", 1.0, null, null, null, null, 100.0)),
                bad("bad min", "a=1;;;x;100", metrics(m("a", 1.0, null, null, null, null, 100.0)),
                        p("a=1;;;x;100", MIN_NOT_A_NUMBER)),
                bad("bad max", "a=1;;;0;y", metrics(m("a", 1.0, null, null, null, 0.0, null)),
                        p("a=1;;;0;y", MAX_NOT_A_NUMBER)),
                bad("min unit differs", "a=1ms;;;0s", metrics(m("a", 1.0, "ms")), p("a=1ms;;;0s", MIN_UNIT_MISMATCH)),
                bad("max unit differs", "a=1;;;0;9KB", metrics(m("a", 1.0, null, null, null, 0.0, null)),
                        p("a=1;;;0;9KB", MAX_UNIT_MISMATCH)),
                bad("range as max", "a=1;;;0;1:2", metrics(m("a", 1.0, null, null, null, 0.0, null)),
                        p("a=1;;;0;1:2", MAX_NOT_A_NUMBER)),

                // --- more than five fields ---
                ok("extra fields ignored", "a=1;2;3;4;5;6;7", m("a", 1.0, null, pl(2), pl(3), 4.0, 5.0)),
                ok("extra junk field ignored", "a=1;2;3;4;5;junk b=2",
                        m("a", 1.0, null, pl(2), pl(3), 4.0, 5.0), m("b", 2.0)),

                // --- duplicate labels ---
                bad("duplicate", "a=1 a=2", metrics(m("a", 2.0)), p("a", DUPLICATE_LABEL)),
                bad("duplicate keeps the first position", "a=1 b=2 a=3", metrics(m("a", 3.0), m("b", 2.0)),
                        p("a", DUPLICATE_LABEL)),
                bad("triplicate", "a=1 a=2 a=3", metrics(m("a", 3.0)), p("a", DUPLICATE_LABEL), p("a", DUPLICATE_LABEL)),
                bad("quoted and unquoted are the same label", "'a'=1 a=2ms", metrics(m("a", 2.0, "ms")),
                        p("a", DUPLICATE_LABEL)),
                bad("skipped metric is no duplicate", "a=1 a=x", metrics(m("a", 1.0)), p("a=x", VALUE_NOT_A_NUMBER)),

                // --- text before the metrics and '|' ---
                bad("plugin output before the metrics", "OK - fine a=1", metrics(m("a", 1.0)),
                        p("OK - fine", TEXT_BEFORE_FIRST_METRIC)),
                bad("multi-line text before the metrics", "DISK OK\nall fine\na=1 b=2", metrics(m("a", 1.0), m("b", 2.0)),
                        p("DISK OK\nall fine", TEXT_BEFORE_FIRST_METRIC)),
                bad("quotes in the text before", "CRITICAL: 'disk' it's full a=1", metrics(m("a", 1.0)),
                        p("CRITICAL: 'disk' it's full", TEXT_BEFORE_FIRST_METRIC)),
                ok("pipe after plugin output", "OK - fine | a=1", m("a", 1.0)),
                ok("leading pipe", "| a=1", m("a", 1.0)),
                ok("pipe without spaces", "OK|a=1", m("a", 1.0)),
                ok("pipe drops metrics before it", "x=1 | a=1", m("a", 1.0)),
                ok("pipe drops problems before it", "x= 'y | a=1", m("a", 1.0)),
                ok("later pipes separate", "OK - fine | a=1 | b=2", m("a", 1.0), m("b", 2.0)),
                ok("later pipe without spaces", "OK | a=1|b=2", m("a", 1.0), m("b", 2.0)),
                ok("nothing after the pipe", "OK - fine |", new PerfMetric[0]),
                ok("text with a stray quote before the pipe", "OK - it's 'fine | a=1", m("a", 1.0)),
                bad("text only", "OK - all fine", metrics(), p("OK - all fine", MISSING_EQUALS)),
                bad("single word", "abc", metrics(), p("abc", MISSING_EQUALS)),
                bad("text after the pipe before the metric", "OK | some text a=1", metrics(m("a", 1.0)),
                        p("some text", TEXT_BEFORE_FIRST_METRIC)),

                // --- bad tokens and resynchronisation ---
                bad("token without '='", "a=1 junk b=2", metrics(m("a", 1.0), m("b", 2.0)), p("junk", MISSING_EQUALS)),
                bad("bad value in the middle", "a=1 b=abc c=3", metrics(m("a", 1.0), m("c", 3.0)),
                        p("b=abc", VALUE_NOT_A_NUMBER)),
                bad("empty value in the middle", "a= b=2", metrics(m("b", 2.0)), p("a=", EMPTY_VALUE)),
                bad("first token bad but metric-like", "x= a=1", metrics(m("a", 1.0)), p("x=", EMPTY_VALUE)),
                bad("unterminated quote", "'abc=1 b=2", metrics(m("b", 2.0)), p("'abc=1", UNTERMINATED_QUOTE)),
                bad("unterminated quote later", "a=1 'b c", metrics(m("a", 1.0)),
                        p("'b", UNTERMINATED_QUOTE), p("c", MISSING_EQUALS)),
                bad("quoted word without '='", "a=1 'oops' b=2", metrics(m("a", 1.0), m("b", 2.0)),
                        p("'oops'", MISSING_EQUALS)),
                bad("quoted words without '='", "a=1 'x y' b=2", metrics(m("a", 1.0), m("b", 2.0)),
                        p("'x", UNTERMINATED_QUOTE), p("y'", MISSING_EQUALS)),
                bad("stray quote does not swallow", "a=1 'x b=2 c'd e=3", metrics(m("a", 1.0), m("b", 2.0), m("e", 3.0)),
                        p("'x", UNTERMINATED_QUOTE), p("c'd", MISSING_EQUALS)),
                bad("unterminated escaped quote", "'ab''=1 c=2", metrics(m("c", 2.0)), p("'ab''=1", UNTERMINATED_QUOTE)),
                bad("junk with semicolons", "a=1;2;3 garbage;; c=3",
                        metrics(m("a", 1.0, null, pl(2), pl(3)), m("c", 3.0)), p("garbage;;", MISSING_EQUALS)),
                bad("several problems in order", "a=x b=1 =2 c=;1 d=2;q",
                        metrics(m("b", 1.0), m("d", 2.0)),
                        p("a=x", VALUE_NOT_A_NUMBER), p("=2", EMPTY_LABEL), p("c=;1", EMPTY_VALUE),
                        p("d=2;q", WARNING_NOT_A_RANGE)));
    }
}
