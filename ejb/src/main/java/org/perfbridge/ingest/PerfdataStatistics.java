package org.perfbridge.ingest;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.perfbridge.perfdata.ParseProblem;
import org.perfbridge.perfdata.ParsedPerfdata;
import org.perfbridge.perfdata.ProblemReason;

/**
 * Counts, since the server started, the perf metrics parsed from accepted check results, the metrics rejected
 * (skipped whole), and every problem by reason (rejections, and parts dropped from metrics that were kept).
 */
@ApplicationScoped
public class PerfdataStatistics {

    private final LongAdder metricsParsed = new LongAdder();
    private final LongAdder metricsRejected = new LongAdder();
    private final Map<ProblemReason, LongAdder> problemsByReason = new ConcurrentHashMap<>();

    public void count(ParsedPerfdata parsed) {
        metricsParsed.add(parsed.metrics().size());
        for (ParseProblem problem : parsed.problems()) {
            problemsByReason.computeIfAbsent(problem.reason(), reason -> new LongAdder()).increment();
            if (problem.reason().rejectsMetric()) {
                metricsRejected.increment();
            }
        }
    }

    public JsonObject toJson() {
        JsonObjectBuilder byReason = JSON.createObjectBuilder();
        long problems = 0;
        Map<String, Long> counts = new TreeMap<>();
        problemsByReason.forEach((reason, count) -> counts.put(reason.text(), count.sum()));
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            long count = entry.getValue();
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
