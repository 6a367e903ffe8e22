package org.perfbridge.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.perfbridge.sink.SinkSamples.TIMESTAMP;
import static org.perfbridge.sink.SinkSamples.hostCheck;
import static org.perfbridge.sink.SinkSamples.metric;
import static org.perfbridge.sink.SinkSamples.service;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfbridge.perfdata.PerfMetric;
import org.perfbridge.perfdata.Threshold;

class GraphiteMetricPathTest {

    @Test
    void serviceCheckPathIsRealmHostServiceMetric() {
        // given
        MetricSample sample = service("srv1", "cpu", metric("load1", 0.5));
        // when
        String path = GraphiteMetricPath.of(null, sample);
        // then
        assertEquals("All.srv1.cpu.load1", path);
    }

    @Test
    void prefixComesFirstWithSurroundingWhitespaceStripped() {
        MetricSample sample = service("srv1", "cpu", metric("load1", 0.5));

        assertEquals("perf.All.srv1.cpu.load1", GraphiteMetricPath.of("perf", sample));
        assertEquals("perf.All.srv1.cpu.load1", GraphiteMetricPath.of("  perf \t", sample));
    }

    @Test
    void dottedPrefixIsKeptAsItsOwnLevels() {
        MetricSample sample = service("srv1", "cpu", metric("load1", 0.5));

        assertEquals("monitoring.alignak.All.srv1.cpu.load1", GraphiteMetricPath.of("monitoring.alignak", sample));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n"})
    void missingOrBlankPrefixAddsNoLevel(String prefix) {
        MetricSample sample = service("srv1", "cpu", metric("load1", 0.5));

        assertEquals("All.srv1.cpu.load1", GraphiteMetricPath.of(prefix, sample));
    }

    @Test
    void hostCheckPathHasNoServiceLevel() {
        // given a host check (service null)
        MetricSample sample = hostCheck("router1", metric("rta", 1.5));
        // when / then
        assertEquals("All.router1.rta", GraphiteMetricPath.of(null, sample));
        assertEquals("perf.All.router1.rta", GraphiteMetricPath.of("perf", sample));
    }

    @Test
    void emptyServiceIsAHostCheckToo() {
        MetricSample sample = new MetricSample("All", "router1", "", TIMESTAMP, metric("rta", 1.5));

        assertEquals("All.router1.rta", GraphiteMetricPath.of(null, sample));
    }

    @Test
    void dottedRealmIsKeptAsTwoLevels() {
        MetricSample sample = new MetricSample("All.Europe", "srv1", "cpu", TIMESTAMP, metric("load1", 0.5));

        assertEquals("All.Europe.srv1.cpu.load1", GraphiteMetricPath.of(null, sample));
    }

    @Test
    void deeperRealmKeepsEveryLevel() {
        MetricSample sample = new MetricSample("All.Europe.Paris", "srv1", null, TIMESTAMP, metric("rta", 0.5));

        assertEquals("prefix.All.Europe.Paris.srv1.rta", GraphiteMetricPath.of("prefix", sample));
    }

    @Test
    void unsafeCharactersInsideARealmPartAreSanitised() {
        MetricSample sample = new MetricSample("All.West Europe/FR", "srv1", "cpu", TIMESTAMP, metric("load1", 0.5));

        assertEquals("All.West_Europe_FR.srv1.cpu.load1", GraphiteMetricPath.of(null, sample));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "web01.example.com | web01_example_com",
            "web 01            | web_01",
            "a/b\\c            | a_b_c",
            "café              | caf_",
            "Zürich-Ost        | Z_rich-Ost",
            "it's              | it_s",
            "`say \"hi\"`      | say__hi_",
            "tab\there         | tab_here",
            "x:y;z=1*2         | x_y_z_1_2",
            "Az09_-            | Az09_-",
    })
    void everyCharacterOutsideTheSafeSetBecomesAnUnderscoreInHostServiceAndMetric(String name, String sanitised) {
        // given the same name as host, service and metric
        MetricSample sample = service(name, name, metric(name, 1.0));
        // when
        String path = GraphiteMetricPath.of(null, sample);
        // then each level is sanitised on its own and the level count stays 4
        assertEquals("All." + sanitised + "." + sanitised + "." + sanitised, path);
    }

    @Test
    void sanitiseReplacesEachUnsafeCharacterSeparately() {
        assertEquals("__var__used", GraphiteMetricPath.sanitize("//var  used"));
        assertEquals("C___used", GraphiteMetricPath.sanitize("C:\\ used"));
        assertEquals("a_b", GraphiteMetricPath.sanitize("a\nb"));
        assertEquals("__", GraphiteMetricPath.sanitize("\"'"));
    }

    @Test
    void dotsInHostServiceOrMetricCannotAddALevel() {
        MetricSample sample = service("db.prod", "Disk /var/log", metric("/var/log used.percent", 12.0));

        assertEquals("All.db_prod.Disk__var_log._var_log_used_percent", GraphiteMetricPath.of(null, sample));
    }

    @Test
    void trailingTenDigitTimestampSuffixOfTheLabelIsDropped() {
        MetricSample sample = service("srv1", "cpu", metric("load1.1700000000", 0.5));

        assertEquals("All.srv1.cpu.load1", GraphiteMetricPath.of(null, sample));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "load1.170000000,    load1_170000000",     // 9 digits: kept
            "load1.17000000000,  load1_17000000000",   // 11 digits: kept
            "load1.1700000000x,  load1_1700000000x",   // not at the end: kept
            "load1.1700000000.x, load1_1700000000_x",  // not at the end: kept
            "load11700000000,    load11700000000",     // no dot before the digits: kept
            "load1_1700000000,   load1_1700000000",    // underscore, not a dot: kept
            "a.1700000000.1700000001, a_1700000000",   // only the last suffix is dropped
    })
    void onlyADotAndExactlyTenDigitsAtTheVeryEndAreDropped(String label, String metricLevel) {
        MetricSample sample = service("srv1", "cpu", metric(label, 0.5));

        assertEquals("All.srv1.cpu." + metricLevel, GraphiteMetricPath.of(null, sample));
    }

    @Test
    void timestampSuffixIsDroppedBeforeFieldSuffixesAreAdded() {
        PerfMetric metric = metric("rta.1700000000", 1.5, "ms", Threshold.plain(100), null, null, null);

        List<Map.Entry<String, Double>> datapoints = GraphiteMetricPath.datapoints(null, hostCheck("router1", metric));

        assertEquals(List.of(
                Map.entry("All.router1.rta", 1.5),
                Map.entry("All.router1.rta_warning", 100.0)), datapoints);
    }

    @Test
    void timestampFollowedByATrailingNewlineIsNotASuffix() {
        MetricSample sample = service("srv1", "cpu", metric("cpu.1700000000\n", 0.5));

        assertEquals("All.srv1.cpu.cpu_1700000000_", GraphiteMetricPath.of(null, sample));
    }

    @Test
    void datapointsNameEveryPlainFieldWithItsSuffix() {
        // given value, plain warning and critical, min and max
        PerfMetric metric = metric("load1", 0.5, null, Threshold.plain(4), Threshold.plain(8), 0.0, 16.0);
        // when
        List<Map.Entry<String, Double>> datapoints = GraphiteMetricPath.datapoints("perf", service("srv1", "cpu", metric));
        // then the value takes the base path, in field order
        assertEquals(List.of(
                Map.entry("perf.All.srv1.cpu.load1", 0.5),
                Map.entry("perf.All.srv1.cpu.load1_warning", 4.0),
                Map.entry("perf.All.srv1.cpu.load1_critical", 8.0),
                Map.entry("perf.All.srv1.cpu.load1_min", 0.0),
                Map.entry("perf.All.srv1.cpu.load1_max", 16.0)), datapoints);
    }

    @Test
    void rangeThresholdsGiveMinAndMaxSuffixes() {
        PerfMetric metric = metric("temp", 21.5, "C",
                Threshold.range(10.0, 30.0, false), Threshold.range(5.0, 35.0, true), null, null);

        List<Map.Entry<String, Double>> datapoints = GraphiteMetricPath.datapoints(null, service("srv1", "env", metric));

        assertEquals(List.of(
                Map.entry("All.srv1.env.temp", 21.5),
                Map.entry("All.srv1.env.temp_warning_min", 10.0),
                Map.entry("All.srv1.env.temp_warning_max", 30.0),
                Map.entry("All.srv1.env.temp_critical_min", 5.0),
                Map.entry("All.srv1.env.temp_critical_max", 35.0)), datapoints);
    }

    @Test
    void openRangeEndsAreLeftOut() {
        // given warning 10: (no upper end) and critical ~:5 (no lower end)
        PerfMetric metric = metric("free", 50.0, null,
                Threshold.range(10.0, null, false), Threshold.range(null, 5.0, false), null, null);
        // when
        List<Map.Entry<String, Double>> datapoints = GraphiteMetricPath.datapoints(null, hostCheck("h", metric));
        // then
        assertEquals(List.of(
                Map.entry("All.h.free", 50.0),
                Map.entry("All.h.free_warning_min", 10.0),
                Map.entry("All.h.free_critical_max", 5.0)), datapoints);
    }

    @Test
    void undeterminedValueLeavesOnlyTheOtherFields() {
        PerfMetric metric = metric("users", null, null, Threshold.plain(20), null, null, 100.0);

        List<Map.Entry<String, Double>> datapoints = GraphiteMetricPath.datapoints(null, service("srv1", "users", metric));

        assertEquals(List.of(
                Map.entry("All.srv1.users.users_warning", 20.0),
                Map.entry("All.srv1.users.users_max", 100.0)), datapoints);
    }

    @Test
    void metricWithoutAnyNumberHasNoDatapoint() {
        assertEquals(List.of(), GraphiteMetricPath.datapoints(null, service("srv1", "users", metric("users", null))));
    }

    @Test
    void valuesKeepFullDoublePrecision() {
        PerfMetric metric = metric("ratio", 0.12345678901234566, null,
                Threshold.plain(1.0E-12), Threshold.plain(-123456789.98765433), null, 1.7976931348623157E308);

        List<Map.Entry<String, Double>> datapoints = GraphiteMetricPath.datapoints(null, service("srv1", "calc", metric));

        assertEquals(List.of(
                Map.entry("All.srv1.calc.ratio", 0.12345678901234566),
                Map.entry("All.srv1.calc.ratio_warning", 1.0E-12),
                Map.entry("All.srv1.calc.ratio_critical", -123456789.98765433),
                Map.entry("All.srv1.calc.ratio_max", 1.7976931348623157E308)), datapoints);
    }

    @Test
    void labelThatIsOnlyATimestampKeepsItsName() {
        MetricSample sample = service("srv1", "cpu", metric(".1700000000", 0.5));

        assertEquals("All.srv1.cpu._1700000000", GraphiteMetricPath.of(null, sample));
    }

    @Test
    void veryLongLabelIsShortenedToAFileNameWhisperCanCreate() {
        String longLabel = "x".repeat(300);
        String otherLongLabel = "x".repeat(299) + "y";

        String level = lastLevel(GraphiteMetricPath.of(null, service("srv1", "cpu", metric(longLabel, 1.0))));
        String otherLevel = lastLevel(GraphiteMetricPath.of(null, service("srv1", "cpu", metric(otherLongLabel, 1.0))));

        assertTrue(level.length() + "_warning.wsp".length() < 255, level);
        assertTrue(level.startsWith("x".repeat(200) + "_"), level);
        assertNotEquals(level, otherLevel, "two long labels with the same start stay apart");
    }

    private static String lastLevel(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
