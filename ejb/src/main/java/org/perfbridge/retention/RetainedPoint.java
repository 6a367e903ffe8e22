package org.perfbridge.retention;

import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.perfbridge.perfdata.PerfMetric;
import org.perfbridge.perfdata.Threshold;
import org.perfbridge.sink.MetricSample;

/**
 * A sample waiting for one sink, as a {@code timeseriesretention} document: alignak-backend's fields
 * ({@code name}, {@code realm}, {@code host}, {@code service}, {@code value}, {@code timestamp}) plus the sink
 * it is for and everything else of the metric (unit, thresholds, min, max), so a redelivered point is complete.
 */
public record RetainedPoint(ObjectId id, String sink, MetricSample sample) {

    public Document toDocument() {
        Document document = new Document("_id", id).append("sink", sink);
        document.putAll(fieldsOf(sample));
        return document.append("retained_at", new Date());
    }

    public static RetainedPoint of(Document document) {
        return new RetainedPoint(document.getObjectId("_id"), document.getString("sink"), sampleOf(document));
    }

    /** The sample's fields, alignak's first, as stored for one point. */
    static Document fieldsOf(MetricSample sample) {
        PerfMetric metric = sample.metric();
        return new Document("name", metric.label())
                .append("realm", sample.realm())
                .append("host", sample.host())
                .append("service", sample.isHostCheck() ? "" : sample.service())
                .append("timestamp", sample.timestamp())
                .append("value", metric.value())
                .append("unit", metric.unit())
                .append("warning", threshold(metric.warning()))
                .append("critical", threshold(metric.critical()))
                .append("min", metric.min())
                .append("max", metric.max());
    }

    static MetricSample sampleOf(Document document) {
        PerfMetric metric = new PerfMetric(document.getString("name"), number(document.get("value")), document.getString("unit"),
                threshold(document.get("warning", Document.class)), threshold(document.get("critical", Document.class)),
                number(document.get("min")), number(document.get("max")));
        String service = document.getString("service");
        return new MetricSample(document.getString("realm"), document.getString("host"),
                service == null || service.isEmpty() ? null : service,
                ((Number) document.get("timestamp")).longValue(), metric);
    }

    private static Document threshold(Threshold threshold) {
        if (threshold == null) {
            return null;
        }
        return new Document("low", threshold.low()).append("high", threshold.high())
                .append("inside", threshold.inside()).append("plain", threshold.plainNumber());
    }

    private static Threshold threshold(Document document) {
        if (document == null) {
            return null;
        }
        return new Threshold(number(document.get("low")), number(document.get("high")),
                document.getBoolean("inside", false), document.getBoolean("plain", false));
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
