package org.perfbridge.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perfbridge.sink.SinkSamples.hostCheck;
import static org.perfbridge.sink.SinkSamples.metric;
import static org.perfbridge.sink.SinkSamples.service;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfbridge.perfdata.PerfMetric;
import org.perfbridge.perfdata.Threshold;

class GraphitePlaintextEncoderTest {

    @Test
    void oneLinePerDatapointWithPathValueAndTimestamp() {
        // given
        PerfMetric load = metric("load1", 0.08, null, Threshold.plain(4), Threshold.plain(8), 0.0, null);
        // when
        byte[] bytes = GraphitePlaintextEncoder.encode("perf", List.of(service("srv1", "cpu", load)));
        // then
        assertArrayEquals((""
                + "perf.All.srv1.cpu.load1 0.08 1700000000\n"
                + "perf.All.srv1.cpu.load1_warning 4 1700000000\n"
                + "perf.All.srv1.cpu.load1_critical 8 1700000000\n"
                + "perf.All.srv1.cpu.load1_min 0 1700000000\n").getBytes(UTF_8), bytes);
    }

    @Test
    void samplesAreWrittenInOrderIncludingHostChecks() {
        List<MetricSample> samples = List.of(
                service("srv1", "cpu", metric("load1", 42.0)),
                hostCheck("router1", metric("rta", 1.0E-12)),
                new MetricSample("All.Europe", "srv2", "disk", 1_700_000_060L, metric("used", -3.5)));

        byte[] bytes = GraphitePlaintextEncoder.encode(null, samples);

        assertEquals(""
                + "All.srv1.cpu.load1 42 1700000000\n"
                + "All.router1.rta 1.0E-12 1700000000\n"
                + "All.Europe.srv2.disk.used -3.5 1700000060\n", new String(bytes, UTF_8));
    }

    @Test
    void rangeThresholdsAreWrittenAsMinAndMaxLines() {
        PerfMetric temp = metric("temp", 21.5, "C", Threshold.range(10.0, 30.0, true), null, null, null);

        byte[] bytes = GraphitePlaintextEncoder.encode(null, List.of(hostCheck("sensor", temp)));

        assertEquals(""
                + "All.sensor.temp 21.5 1700000000\n"
                + "All.sensor.temp_warning_min 10 1700000000\n"
                + "All.sensor.temp_warning_max 30 1700000000\n", new String(bytes, UTF_8));
    }

    @Test
    void nonAsciiPrefixIsWrittenAsUtf8() {
        byte[] bytes = GraphitePlaintextEncoder.encode("métriques", List.of(service("srv1", "cpu", metric("load1", 1.0))));

        assertArrayEquals(new byte[] {'m', (byte) 0xC3, (byte) 0xA9, 't', 'r', 'i', 'q', 'u', 'e', 's', '.',
                'A', 'l', 'l', '.', 's', 'r', 'v', '1', '.', 'c', 'p', 'u', '.', 'l', 'o', 'a', 'd', '1', ' ', '1', ' ',
                '1', '7', '0', '0', '0', '0', '0', '0', '0', '0', '\n'}, bytes);
    }

    @Test
    void metricWithoutNumbersWritesNothing() {
        assertEquals(0, GraphitePlaintextEncoder.encode("perf", List.of(service("srv1", "users", metric("users", null)))).length);
    }

    @Test
    void noSamplesGiveNoBytes() {
        assertEquals(0, GraphitePlaintextEncoder.encode("perf", List.of()).length);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "42.0,                   42",
            "-7.0,                   -7",
            "0.0,                    0",
            "-0.0,                   0",
            "0.08,                   0.08",
            "-0.08,                  -0.08",
            "1.0E-12,                1.0E-12",
            "-2.5,                   -2.5",
            "0.30000000000000004,    0.30000000000000004",
            "999999999999999.0,      999999999999999",
            "-999999999999999.0,     -999999999999999",
            "1.0E15,                 1.0E15",
            "1.0E300,                1.0E300",
            "123456.789,             123456.789",
            "1.7976931348623157E308, 1.7976931348623157E308",
    })
    void numberTextWritesWholeNumbersWithoutFractionAndOthersAtFullPrecision(double value, String text) {
        assertEquals(text, NumberText.of(value));
    }
}
