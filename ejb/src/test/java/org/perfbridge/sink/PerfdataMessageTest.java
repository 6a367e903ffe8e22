package org.perfbridge.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerfdataMessageTest {

    @Test
    void encodesAJsonArrayWithOneObjectPerCheck() {
        // given
        CheckPerfdata check = new CheckPerfdata("All", "srv1", "cpu", 1_700_000_000L, "load1=0.5;4;8");
        // when
        String text = PerfdataMessage.encode(List.of(check));
        // then
        assertEquals("[{\"realm\":\"All\",\"host\":\"srv1\",\"service\":\"cpu\",\"timestamp\":1700000000,"
                + "\"perf_data\":\"load1=0.5;4;8\"}]", text);
    }

    @Test
    void serviceChecksSurviveARoundTrip() {
        List<CheckPerfdata> checks = List.of(
                new CheckPerfdata("All", "srv1", "cpu", 1_700_000_000L, "load1=0.5;4;8 load5=0.25"),
                new CheckPerfdata("All.Europe", "srv2", "Disk /var", 1_700_000_060L, "'/var used'=80%;90;95;0;100"));

        assertEquals(checks, PerfdataMessage.decode(PerfdataMessage.encode(checks)));
    }

    @Test
    void unicodeQuotesBackslashesAndControlCharactersSurviveARoundTrip() {
        List<CheckPerfdata> checks = List.of(new CheckPerfdata("Tout.Genève", "zürich-01", "Température \"salle\" 📈",
                1_700_000_000L, "'température °C'=21.5°C 'C:\\ used'=12GB\tx=1\ny=2"));

        assertEquals(checks, PerfdataMessage.decode(PerfdataMessage.encode(checks)));
    }

    @Test
    void hostCheckIsEncodedWithAnEmptyService() {
        // given a host check's perfdata exactly as CheckResultIngest builds it (service null)
        CheckPerfdata check = new CheckPerfdata("All", "router1", null, 1_700_000_000L, "rta=1.5ms;100;500");
        // when
        String text = PerfdataMessage.encode(List.of(check));
        // then
        assertEquals("[{\"realm\":\"All\",\"host\":\"router1\",\"service\":\"\",\"timestamp\":1700000000,"
                + "\"perf_data\":\"rta=1.5ms;100;500\"}]", text);
    }

    @Test
    void hostCheckWithNullServiceSurvivesARoundTrip() {
        List<CheckPerfdata> checks = List.of(new CheckPerfdata("All", "router1", null, 1_700_000_000L, "rta=1.5ms;100;500"));

        List<CheckPerfdata> decoded = PerfdataMessage.decode(PerfdataMessage.encode(checks));

        assertEquals(checks, decoded);
        assertTrue(decoded.get(0).samples().get(0).isHostCheck());
    }

    @Test
    void emptyServiceIsDecodedAsAHostCheckWithNullService() {
        List<CheckPerfdata> checks = List.of(new CheckPerfdata("All", "router1", "", 1_700_000_000L, "rta=1.5ms"));

        List<CheckPerfdata> decoded = PerfdataMessage.decode(PerfdataMessage.encode(checks));

        assertEquals(List.of(new CheckPerfdata("All", "router1", null, 1_700_000_000L, "rta=1.5ms")), decoded);
    }

    @Test
    void decodesAMessageWrittenByHand() {
        String text = "[{\"realm\":\"All\",\"host\":\"h\",\"service\":\"s\",\"timestamp\":1700000001,\"perf_data\":\"a=1\"},"
                + "{\"perf_data\":\"b=2\",\"timestamp\":1700000002,\"service\":\"t\",\"host\":\"i\",\"realm\":\"All.X\"}]";

        assertEquals(List.of(
                new CheckPerfdata("All", "h", "s", 1_700_000_001L, "a=1"),
                new CheckPerfdata("All.X", "i", "t", 1_700_000_002L, "b=2")), PerfdataMessage.decode(text));
    }

    @Test
    void largeTimestampKeepsEveryDigit() {
        List<CheckPerfdata> checks = List.of(new CheckPerfdata("All", "h", "s", 253_402_300_799L, "a=1"));

        assertEquals(checks, PerfdataMessage.decode(PerfdataMessage.encode(checks)));
    }

    @Test
    void emptyListIsAnEmptyArray() {
        assertEquals("[]", PerfdataMessage.encode(List.of()));
        assertEquals(List.of(), PerfdataMessage.decode("[]"));
    }
}
