package org.perfbridge.sink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Carbon's plaintext protocol: one {@code path value timestamp} line per datapoint. */
public final class GraphitePlaintextEncoder {

    private GraphitePlaintextEncoder() {
    }

    public static byte[] encode(String prefix, List<MetricSample> samples) {
        StringBuilder lines = new StringBuilder(samples.size() * 64);
        for (MetricSample sample : samples) {
            for (Map.Entry<String, Double> datapoint : GraphiteMetricPath.datapoints(prefix, sample)) {
                lines.append(datapoint.getKey()).append(' ')
                        .append(NumberText.of(datapoint.getValue())).append(' ')
                        .append(sample.timestamp()).append('\n');
            }
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }
}
