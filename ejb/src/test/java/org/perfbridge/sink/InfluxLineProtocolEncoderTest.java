package org.perfbridge.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.perfbridge.sink.SinkSamples.TIMESTAMP;
import static org.perfbridge.sink.SinkSamples.hostCheck;
import static org.perfbridge.sink.SinkSamples.metric;
import static org.perfbridge.sink.SinkSamples.service;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfbridge.perfdata.PerfMetric;
import org.perfbridge.perfdata.Threshold;

class InfluxLineProtocolEncoderTest {

    private static String encode(MetricSample... samples) {
        return new String(InfluxLineProtocolEncoder.encode(List.of(samples)), UTF_8);
    }

    @Test
    void serviceCheckLineHasLabelHostRealmServiceTagsAndEveryField() {
        // given
        PerfMetric load = metric("load1", 0.08, null, Threshold.plain(4), Threshold.plain(8), 0.0, 16.5);
        // when
        String lines = encode(service("srv1", "cpu", load));
        // then
        assertEquals("load1,host=srv1,realm=All,service=cpu value=0.08,warning=4,critical=8,min=0,max=16.5 1700000000\n", lines);
    }

    @Test
    void hostCheckLineHasNoServiceTagAndUnitTagWhenPresent() {
        String lines = encode(hostCheck("router1", metric("rta", 1.5, "ms", null, null, 0.0, null)));

        assertEquals("rta,host=router1,realm=All,unit=ms value=1.5,min=0 1700000000\n", lines);
    }

    @Test
    void emptyServiceIsAHostCheckToo() {
        String lines = encode(new MetricSample("All", "router1", "", TIMESTAMP, metric("pl", 0.0, "%", null, null, null, null)));

        assertEquals("pl,host=router1,realm=All,unit=% value=0 1700000000\n", lines);
    }

    @Test
    void emptyUnitGivesNoUnitTag() {
        String lines = encode(service("srv1", "cpu", metric("load1", 1.0, "", null, null, null, null)));

        assertEquals("load1,host=srv1,realm=All,service=cpu value=1 1700000000\n", lines);
    }

    @Test
    void rangeThresholdsBecomeMinAndMaxFields() {
        PerfMetric temp = metric("temp", 21.5, "C",
                Threshold.range(10.0, 30.0, false), Threshold.range(null, 35.0, true), -40.0, 85.0);

        String lines = encode(service("sensor", "env", temp));

        assertEquals("temp,host=sensor,realm=All,service=env,unit=C "
                + "value=21.5,warning_min=10,warning_max=30,critical_max=35,min=-40,max=85 1700000000\n", lines);
    }

    @Test
    void dottedRealmIsOneTagValue() {
        String lines = encode(new MetricSample("All.Europe", "srv1", "cpu", 1_700_000_060L, metric("load1", -2.5)));

        assertEquals("load1,host=srv1,realm=All.Europe,service=cpu value=-2.5 1700000060\n", lines);
    }

    @Test
    void numbersKeepFullPrecisionAndExponents() {
        PerfMetric metric = metric("ratio", 0.30000000000000004, null, Threshold.plain(1.0E-12), null, null, 1.0E300);

        assertEquals("ratio,host=h,realm=All value=0.30000000000000004,warning=1.0E-12,max=1.0E300 1700000000\n",
                encode(hostCheck("h", metric)));
    }

    @Test
    void measurementEscapesCommasAndSpacesButNotEquals() {
        String lines = encode(hostCheck("h", metric("disk used, /var=x", 1.0)));

        assertEquals("disk\\ used\\,\\ /var=x,host=h,realm=All value=1 1700000000\n", lines);
    }

    @Test
    void tagValuesEscapeCommasSpacesAndEquals() {
        String lines = encode(new MetricSample("All", "web 01,dc=1", "Disk C=, D", TIMESTAMP,
                metric("used", 1.0, "a b,c=d", null, null, null, null)));

        assertEquals("used,host=web\\ 01\\,dc\\=1,realm=All,service=Disk\\ C\\=\\,\\ D,unit=a\\ b\\,c\\=d value=1 1700000000\n", lines);
    }

    @Test
    void lineBreaksBecomeEscapedSpaces() {
        String lines = encode(service("srv1", "line1\nline2\r\nline3", metric("a\nb", 1.0)));

        assertEquals("a\\ b,host=srv1,realm=All,service=line1\\ line2\\ \\ line3 value=1 1700000000\n", lines);
    }

    @Test
    void backslashInsideANameIsKeptAsIs() {
        String lines = encode(service("srv1", "C:\\Temp", metric("C:\\Temp", 1.0)));

        assertEquals("C:\\Temp,host=srv1,realm=All,service=C:\\Temp value=1 1700000000\n", lines);
    }

    @Test
    void backslashBeforeAnEscapedSpaceBecomesASlashBecauseInfluxDbCannotReadIt() {
        // given NSClient++'s usual label 'C:\ used %'
        String lines = encode(service("win1", "Disk", metric("C:\\ used %", 12.5, "%", null, null, null, null)));
        // then
        assertEquals("C:/\\ used\\ %,host=win1,realm=All,service=Disk,unit=% value=12.5 1700000000\n", lines);
    }

    @Test
    void trailingBackslashBecomesASlash() {
        String lines = encode(service("win1", "Disk C:\\", metric("C:\\", 20.5)));

        assertEquals("C:/,host=win1,realm=All,service=Disk\\ C:/ value=20.5 1700000000\n", lines);
    }

    @Test
    void nonAsciiNamesAreWrittenAsUtf8() {
        byte[] bytes = InfluxLineProtocolEncoder.encode(List.of(hostCheck("zürich", metric("température", 21.0, "°C", null, null, null, null))));

        assertArrayEquals("température,host=zürich,realm=All,unit=°C value=21 1700000000\n".getBytes(UTF_8), bytes);
    }

    @Test
    void undeterminedValueWithoutOtherNumbersProducesNoLine() {
        assertEquals("", encode(service("srv1", "users", metric("users", null))));
    }

    @Test
    void undeterminedValueWithThresholdsWritesOnlyThoseFields() {
        PerfMetric users = metric("users", null, null, Threshold.plain(20), null, null, 100.0);

        assertEquals("users,host=srv1,realm=All,service=users warning=20,max=100 1700000000\n", encode(service("srv1", "users", users)));
    }

    @Test
    void oneLinePerSampleInOrderAndSkippedSamplesLeaveNoGap() {
        String lines = encode(
                service("srv1", "cpu", metric("load1", 1.0)),
                service("srv1", "users", metric("users", null)),
                hostCheck("router1", metric("rta", 2.0)));

        assertEquals(""
                + "load1,host=srv1,realm=All,service=cpu value=1 1700000000\n"
                + "rta,host=router1,realm=All value=2 1700000000\n", lines);
    }

    @Test
    void noSamplesGiveNoBytes() {
        assertEquals(0, InfluxLineProtocolEncoder.encode(List.of()).length);
    }
}
