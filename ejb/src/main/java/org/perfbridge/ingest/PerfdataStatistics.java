package org.perfbridge.ingest;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.perfbridge.perfdata.ParseProblem;
import org.perfbridge.perfdata.ParsedPerfdata;
import org.perfbridge.perfdata.PerfdataParser;

/**
 * Counts, since the server started, the perf metrics parsed from accepted check results, the metrics rejected
 * (skipped whole), and every problem by reason (rejections, and parts dropped from metrics that were kept).
 */
@ApplicationScoped
public class PerfdataStatistics {

    /** The reasons for which the parser skips a whole metric; the others drop a part of it or note a duplicate. */
    private static final Set<String> REJECTING = Set.of(PerfdataParser.MISSING_EQUALS, PerfdataParser.EMPTY_LABEL,
            PerfdataParser.UNTERMINATED_QUOTE, PerfdataParser.EMPTY_VALUE, PerfdataParser.VALUE_NOT_A_NUMBER,
            PerfdataParser.VALUE_NOT_FINITE, PerfdataParser.INTERNAL_ERROR);

    private final LongAdder metricsParsed = new LongAdder();
    private final LongAdder metricsRejected = new LongAdder();
    private final Map<String, LongAdder> problemsByReason = new ConcurrentHashMap<>();

    public void count(ParsedPerfdata parsed) {
        metricsParsed.add(parsed.metrics().size());
        for (ParseProblem problem : parsed.problems()) {
            problemsByReason.computeIfAbsent(problem.reason(), reason -> new LongAdder()).increment();
            if (REJECTING.contains(problem.reason())) {
                metricsRejected.increment();
            }
        }
    }

    public JsonObject toJson() {
        JsonObjectBuilder byReason = JSON.createObjectBuilder();
        long problems = 0;
        for (Map.Entry<String, LongAdder> entry : new TreeMap<>(problemsByReason).entrySet()) {
            long count = entry.getValue().sum();
            byReason.add(entry.getKey(), count);
            problems += count;
        }
        return JSON.createObjectBuilder()
                .add("metrics_parsed", metricsParsed.sum())
                .add("metrics_rejected", metricsRejected.sum())
                .add("problems", problems)
                .add("problems_by_reason", byReason)
                .build();
    }
}
