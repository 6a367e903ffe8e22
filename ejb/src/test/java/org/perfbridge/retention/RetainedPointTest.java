package org.perfbridge.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.perfbridge.perfdata.PerfMetric;
import org.perfbridge.perfdata.Threshold;
import org.perfbridge.sink.MetricSample;

class RetainedPointTest {

    private static final ObjectId ID = new ObjectId("65a1b2c3d4e5f60718293a4b");

    private static RetainedPoint point(String service, PerfMetric metric) {
        return new RetainedPoint(ID, "graphite", new MetricSample("All.Europe", "srv1", service, 1_700_000_000L, metric));
    }

    /** What MongoDB stores and gives back: the document through BSON bytes. */
    private static Document throughBson(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).decode(new DocumentCodec());
    }

    @Test
    void serviceSampleDocumentHoldsAlignakFieldsAndTheWholeMetric() {
        // given
        RetainedPoint point = point("Disk /var", new PerfMetric("used", 80.5, "%",
                Threshold.plain(90), Threshold.range(null, 95.0, true), 0.0, 100.0));
        // when
        Document document = point.toDocument();
        // then
        assertEquals(List.of("_id", "sink", "name", "realm", "host", "service", "timestamp", "value", "unit",
                "warning", "critical", "min", "max", "retained_at"), List.copyOf(document.keySet()));
        assertEquals(ID, document.get("_id"));
        assertEquals("graphite", document.get("sink"));
        assertEquals("used", document.get("name"));
        assertEquals("All.Europe", document.get("realm"));
        assertEquals("srv1", document.get("host"));
        assertEquals("Disk /var", document.get("service"));
        assertEquals(1_700_000_000L, document.get("timestamp"));
        assertEquals(80.5, document.get("value"));
        assertEquals("%", document.get("unit"));
        assertEquals(new Document("low", 0.0).append("high", 90.0).append("inside", false).append("plain", true),
                document.get("warning"));
        assertEquals(new Document("low", null).append("high", 95.0).append("inside", true).append("plain", false),
                document.get("critical"));
        assertEquals(0.0, document.get("min"));
        assertEquals(100.0, document.get("max"));
        assertInstanceOf(Date.class, document.get("retained_at"));
    }

    @Test
    void hostCheckIsStoredWithAnEmptyService() {
        Document document = point(null, new PerfMetric("rta", 1.5, "ms", null, null, null, null)).toDocument();

        assertEquals("", document.get("service"));
        assertNull(document.get("warning"));
        assertNull(document.get("critical"));
        assertNull(document.get("min"));
        assertNull(document.get("max"));
    }

    @Test
    void fullServiceSampleRoundTrips() {
        RetainedPoint point = point("cpu", new PerfMetric("load1", 0.12345678901234566, "load",
                Threshold.plain(4), Threshold.range(8.0, 16.0, false), -1.0E-12, 1.0E300));

        assertEquals(point, RetainedPoint.of(point.toDocument()));
        assertEquals(point, RetainedPoint.of(throughBson(point.toDocument())));
    }

    @Test
    void hostCheckRoundTripsWithANullService() {
        RetainedPoint point = point(null, new PerfMetric("rta", 1.5, "ms", Threshold.plain(100), Threshold.plain(500), 0.0, null));

        RetainedPoint restored = RetainedPoint.of(throughBson(point.toDocument()));

        assertEquals(point, restored);
        assertNull(restored.sample().service());
    }

    @Test
    void undeterminedValueAndMissingUnitRoundTripAsNull() {
        RetainedPoint point = point("users", new PerfMetric("users", null, null, null, Threshold.plain(50), null, 100.0));

        RetainedPoint restored = RetainedPoint.of(throughBson(point.toDocument()));

        assertEquals(point, restored);
        assertNull(restored.sample().metric().value());
        assertNull(restored.sample().metric().unit());
    }

    @Test
    void rangeThresholdsWithOpenEndsAndInsideFlagRoundTrip() {
        RetainedPoint point = point("env", new PerfMetric("temp", 21.5, "C",
                Threshold.range(10.0, null, false), Threshold.range(null, null, true), null, null));

        RetainedPoint restored = RetainedPoint.of(throughBson(point.toDocument()));

        assertEquals(point, restored);
        assertEquals(Threshold.range(10.0, null, false), restored.sample().metric().warning());
        assertEquals(Threshold.range(null, null, true), restored.sample().metric().critical());
    }

    @Test
    void insideRangeFromAtPrefixRoundTrips() {
        RetainedPoint point = point("env", new PerfMetric("temp", -5.0, null,
                Threshold.range(0.0, 10.0, true), Threshold.range(-20.0, 40.0, false), -50.0, 50.0));

        assertEquals(point, RetainedPoint.of(throughBson(point.toDocument())));
    }

    @Test
    void nonAsciiNamesRoundTrip() {
        RetainedPoint point = new RetainedPoint(ID, "influxdb", new MetricSample("Tout.Genève", "zürich-01", "Température 📈",
                1_700_000_000L, new PerfMetric("température", 21.0, "°C", null, null, null, null)));

        assertEquals(point, RetainedPoint.of(throughBson(point.toDocument())));
    }

    @Test
    void wholeNumbersStoredAsIntegersAreReadAsDoubles() {
        // given a document whose numbers came back as BSON int32/int64
        Document document = new Document("_id", ID).append("sink", "graphite").append("name", "users")
                .append("realm", "All").append("host", "h").append("service", "").append("timestamp", 1_700_000_000)
                .append("value", 42).append("unit", null)
                .append("warning", new Document("low", 0).append("high", 50L).append("inside", false).append("plain", true))
                .append("critical", null).append("min", 0).append("max", 100L);
        // when
        RetainedPoint point = RetainedPoint.of(document);
        // then
        assertEquals(new RetainedPoint(ID, "graphite", new MetricSample("All", "h", null, 1_700_000_000L,
                new PerfMetric("users", 42.0, null, Threshold.plain(50), null, 0.0, 100.0))), point);
    }

    @Test
    void thresholdWithoutFlagsIsAnOutsideRange() {
        Document document = new Document("_id", ID).append("sink", "graphite").append("name", "m")
                .append("realm", "All").append("host", "h").append("service", "s").append("timestamp", 1L)
                .append("value", 1.0).append("warning", new Document("low", 1.0).append("high", 2.0));

        assertEquals(Threshold.range(1.0, 2.0, false), RetainedPoint.of(document).sample().metric().warning());
    }
}
