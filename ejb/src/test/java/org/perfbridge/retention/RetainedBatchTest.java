package org.perfbridge.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Date;
import java.util.List;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.perfbridge.perfdata.PerfMetric;
import org.perfbridge.perfdata.Threshold;
import org.perfbridge.sink.MetricSample;

class RetainedBatchTest {

    private static MetricSample sample(long timestamp) {
        return new MetricSample("All", "srv" + timestamp, timestamp % 2 == 0 ? null : "svc",
                timestamp, new PerfMetric("m", timestamp * 1.5, "ms", Threshold.plain(10), null, 0.0, null));
    }

    private static List<MetricSample> samples(long... timestamps) {
        return LongStream.of(timestamps).mapToObj(RetainedBatchTest::sample).toList();
    }

    @Test
    void documentCountsItsPointsAndNamesTheOldestAndNewestTimestamp() {
        RetainedBatch batch = new RetainedBatch(new ObjectId(), "influxdb", samples(30, 10, 20));

        Document document = batch.toDocument();

        assertEquals(List.of("_id", "sink", "count", "timestamp", "newest", "retained_at", "points"), List.copyOf(document.keySet()));
        assertEquals("influxdb", document.get("sink"));
        assertEquals(3, document.get("count"));
        assertEquals(10L, document.get("timestamp"));
        assertEquals(30L, document.get("newest"));
        assertInstanceOf(Date.class, document.get("retained_at"));
        assertEquals(List.of("srv30", "srv10", "srv20"),
                RetainedBatch.points(document).stream().map(point -> point.getString("host")).toList());
    }

    @Test
    void roundTripsThroughBsonWithThePointsInTheirOrder() {
        RetainedBatch batch = new RetainedBatch(new ObjectId(), "graphite", samples(5, 3, 4, 1));

        Document stored = new RawBsonDocument(batch.toDocument(), new DocumentCodec()).decode(new DocumentCodec());

        assertEquals(batch, RetainedBatch.of(stored));
    }

    @Test
    void splitsManySamplesIntoBatchesOfAtMostTheMaximumInOrder() {
        List<MetricSample> many = LongStream.range(0, RetainedBatch.MAX_POINTS * 2L + 1).mapToObj(RetainedBatchTest::sample).toList();

        List<RetainedBatch> batches = RetainedBatch.of("influxdb", many);

        assertEquals(List.of(RetainedBatch.MAX_POINTS, RetainedBatch.MAX_POINTS, 1), batches.stream().map(RetainedBatch::size).toList());
        assertEquals(many, batches.stream().flatMap(batch -> batch.samples().stream()).toList());
        assertEquals(3, batches.stream().map(RetainedBatch::id).distinct().count());
        assertEquals(-1, batches.get(0).id().compareTo(batches.get(1).id()), "ids follow the order of the points");
    }

    @Test
    void storesManyPointsInPartsSmallEnoughForTheServersSerialisationFilter() {
        List<MetricSample> many = LongStream.range(0, RetainedBatch.MAX_POINTS).mapToObj(RetainedBatchTest::sample).toList();
        RetainedBatch batch = new RetainedBatch(new ObjectId(), "influxdb", many);

        Document stored = new RawBsonDocument(batch.toDocument(), new DocumentCodec()).decode(new DocumentCodec());

        List<Binary> parts = stored.getList("points", Binary.class);
        assertTrue(parts.size() > 1, "5000 points do not fit in one part");
        parts.forEach(part -> assertTrue(part.getData().length <= RetainedBatch.MAX_PART_BYTES, part.getData().length + " bytes"));
        assertEquals(many, RetainedBatch.of(stored).samples());
    }

    @Test
    void aPointTooLargeForOnePartStaysAPlainSubDocumentBetweenTheOthers() {
        MetricSample huge = new MetricSample("All", "h".repeat(40_000), "s".repeat(40_000), 7L,
                new PerfMetric("m".repeat(40_000), 1.0, null, null, null, null, null));
        List<MetricSample> samples = List.of(sample(1), huge, sample(3));
        RetainedBatch batch = new RetainedBatch(new ObjectId(), "influxdb", samples);

        Document stored = new RawBsonDocument(batch.toDocument(), new DocumentCodec()).decode(new DocumentCodec());

        assertEquals(List.of(Binary.class, Document.class, Binary.class),
                stored.getList("points", Object.class).stream().map(Object::getClass).toList());
        assertEquals(samples, RetainedBatch.of(stored).samples());
    }

    @Test
    void keepsThePointsFromATimestampOn() {
        RetainedBatch batch = new RetainedBatch(new ObjectId(), "influxdb", samples(10, 40, 20, 30));

        assertEquals(samples(40, 20, 30), batch.samplesFrom(20));
        assertEquals(List.of(), batch.samplesFrom(41));
    }

    @Test
    void dropsThePointsRetainedFirst() {
        RetainedBatch batch = new RetainedBatch(new ObjectId(), "influxdb", samples(10, 40, 20, 30));

        assertEquals(samples(20, 30), batch.samplesAfterTheFirst(2));
        assertEquals(List.of(), batch.samplesAfterTheFirst(9));
    }

    @Test
    void anEmptyBatchIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetainedBatch(new ObjectId(), "influxdb", List.of()));
    }
}
