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

/** Counts, since the server started, the perf metrics parsed from accepted check results and the problems by reason. */
@ApplicationScoped
public class PerfdataStatistics {

    private final LongAdder metricsParsed = new LongAdder();
    private final Map<String, LongAdder> problemsByReason = new ConcurrentHashMap<>();

    public void count(ParsedPerfdata parsed) {
        metricsParsed.add(parsed.metrics().size());
        for (ParseProblem problem : parsed.problems()) {
            problemsByReason.computeIfAbsent(problem.reason(), reason -> new LongAdder()).increment();
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
                .add("problems", problems)
                .add("problems_by_reason", byReason)
                .build();
    }
}
