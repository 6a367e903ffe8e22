package org.perfbridge.retention;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.perfbridge.sink.MetricSample;

/**
 * Points waiting for one sink, kept together as one {@code timeseriesretention} document: {@code sink}, {@code count},
 * the oldest and newest {@code timestamp}, {@code retained_at} and the {@code points} in the order they came, each
 * with alignak's fields and the whole metric. One document per batch rather than per point, and the points as a few
 * BSON binaries (each a sequence of BSON documents, one per point) rather than as thousands of sub-documents, is what
 * lets the embedded store keep and hand back tens of thousands of points per second: it copies byte arrays where it
 * would serialise every field of every point. {@code GET /api/timeseriesretention} shows the points decoded.
 */
public record RetainedBatch(ObjectId id, String sink, List<MetricSample> samples) {

    // About 1 MB of BSON: far below MongoDB's 16 MB document limit, large enough to make per-document costs vanish.
    static final int MAX_POINTS = 5000;
    // WildFly's JDK serialisation filter (maxarray=100000) refuses larger byte arrays in the embedded store.
    static final int MAX_PART_BYTES = 64 * 1024;
    private static final DocumentCodec CODEC = new DocumentCodec();

    public RetainedBatch {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a retained batch holds at least one point");
        }
        samples = List.copyOf(samples);
    }

    /** The samples in batches of at most {@link #MAX_POINTS}, each with a new id, in their order. */
    public static List<RetainedBatch> of(String sink, List<MetricSample> samples) {
        List<RetainedBatch> batches = new ArrayList<>();
        for (int from = 0; from < samples.size(); from += MAX_POINTS) {
            batches.add(new RetainedBatch(new ObjectId(), sink, samples.subList(from, Math.min(samples.size(), from + MAX_POINTS))));
        }
        return batches;
    }

    public static RetainedBatch of(Document document) {
        List<MetricSample> samples = new ArrayList<>();
        for (Document point : points(document)) {
            samples.add(RetainedPoint.sampleOf(point));
        }
        return new RetainedBatch(document.getObjectId("_id"), document.getString("sink"), samples);
    }

    /** The points of a stored batch, decoded, in their order. */
    static List<Document> points(Document document) {
        List<Document> points = new ArrayList<>();
        for (Object part : document.getList("points", Object.class)) {
            if (part instanceof Document point) {
                points.add(point);
                continue;
            }
            ByteBuffer bson = ByteBuffer.wrap(((Binary) part).getData()).order(ByteOrder.LITTLE_ENDIAN);
            while (bson.hasRemaining()) {
                byte[] point = new byte[bson.getInt(bson.position())];
                bson.get(point);
                points.add(new RawBsonDocument(point).decode(CODEC));
            }
        }
        return points;
    }

    /**
     * The points as BSON sequences of at most {@link #MAX_PART_BYTES} each; a point larger than that on its own
     * (labels and names of tens of kilobytes) stays a plain sub-document, which the filter lets through.
     */
    private List<Object> encodedPoints() {
        List<Object> parts = new ArrayList<>();
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        for (MetricSample sample : samples) {
            Document fields = RetainedPoint.fieldsOf(sample);
            ByteBuffer bytes = new RawBsonDocument(fields, CODEC).getByteBuffer().asNIO();
            if (part.size() > 0 && part.size() + bytes.remaining() > MAX_PART_BYTES) {
                parts.add(new Binary(part.toByteArray()));
                part.reset();
            }
            if (bytes.remaining() > MAX_PART_BYTES) {
                parts.add(fields);
                continue;
            }
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            part.writeBytes(copy);
        }
        if (part.size() > 0) {
            parts.add(new Binary(part.toByteArray()));
        }
        return parts;
    }

    public Document toDocument() {
        return new Document("_id", id)
                .append("sink", sink)
                .append("count", samples.size())
                .append("timestamp", samples.stream().mapToLong(MetricSample::timestamp).min().orElseThrow())
                .append("newest", samples.stream().mapToLong(MetricSample::timestamp).max().orElseThrow())
                .append("retained_at", new Date())
                .append("points", encodedPoints());
    }

    public int size() {
        return samples.size();
    }

    /** The samples with a timestamp at or after the given epoch second, in their order. */
    public List<MetricSample> samplesFrom(long epochSecond) {
        return samples.stream().filter(sample -> sample.timestamp() >= epochSecond).toList();
    }

    /** The samples without the {@code count} retained first. */
    public List<MetricSample> samplesAfterTheFirst(int count) {
        return samples.subList(Math.min(count, samples.size()), samples.size());
    }
}
