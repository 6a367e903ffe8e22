package org.perfbridge.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfbridge.perfdata.PerfMetric;
import org.perfbridge.perfdata.Threshold;

class CheckPerfdataTest {

    @Test
    void samplesHoldOneMetricSamplePerParsedMetricWithTheCheckIdentity() {
        // given
        CheckPerfdata check = new CheckPerfdata("All.Europe", "srv1", "cpu", 1_700_000_000L,
                "load1=0.5;4;8;0 'disk used'=80%;@10:20;~:95;0;100 users=U");
        // when
        List<MetricSample> samples = check.samples();
        // then
        assertEquals(List.of(
                new MetricSample("All.Europe", "srv1", "cpu", 1_700_000_000L,
                        new PerfMetric("load1", 0.5, null, Threshold.plain(4), Threshold.plain(8), 0.0, null)),
                new MetricSample("All.Europe", "srv1", "cpu", 1_700_000_000L,
                        new PerfMetric("disk used", 80.0, "%", Threshold.range(10.0, 20.0, true),
                                Threshold.range(null, 95.0, false), 0.0, 100.0)),
                new MetricSample("All.Europe", "srv1", "cpu", 1_700_000_000L,
                        new PerfMetric("users", null, null, null, null, null, null))), samples);
    }

    @Test
    void hostCheckSamplesKeepANullService() {
        List<MetricSample> samples = new CheckPerfdata("All", "router1", null, 1_700_000_000L, "rta=1.5ms pl=0%").samples();

        assertEquals(List.of(
                new MetricSample("All", "router1", null, 1_700_000_000L, new PerfMetric("rta", 1.5, "ms", null, null, null, null)),
                new MetricSample("All", "router1", null, 1_700_000_000L, new PerfMetric("pl", 0.0, "%", null, null, null, null))),
                samples);
        assertEquals(true, samples.get(0).isHostCheck());
    }

    @Test
    void unparsableMetricsAreSkippedAndTheRestKept() {
        List<MetricSample> samples = new CheckPerfdata("All", "h", "s", 1L, "bad=abc good=1 =2 nan=NaN").samples();

        assertEquals(List.of(new MetricSample("All", "h", "s", 1L, new PerfMetric("good", 1.0, null, null, null, null, null))),
                samples);
    }

    @Test
    void noPerfdataGivesNoSamples() {
        assertEquals(List.of(), new CheckPerfdata("All", "h", "s", 1L, "").samples());
        assertEquals(List.of(), new CheckPerfdata("All", "h", "s", 1L, null).samples());
        assertEquals(List.of(), new CheckPerfdata("All", "h", "s", 1L, "   ").samples());
    }

    @Test
    void samplesOfConcatenatesTheChecksInOrder() {
        List<MetricSample> samples = CheckPerfdata.samplesOf(List.of(
                new CheckPerfdata("All", "h1", "s1", 10L, "a=1 b=2"),
                new CheckPerfdata("All", "h2", null, 20L, ""),
                new CheckPerfdata("All", "h3", null, 30L, "c=3")));

        assertEquals(List.of(
                new MetricSample("All", "h1", "s1", 10L, new PerfMetric("a", 1.0, null, null, null, null, null)),
                new MetricSample("All", "h1", "s1", 10L, new PerfMetric("b", 2.0, null, null, null, null, null)),
                new MetricSample("All", "h3", null, 30L, new PerfMetric("c", 3.0, null, null, null, null, null))), samples);
    }
}
