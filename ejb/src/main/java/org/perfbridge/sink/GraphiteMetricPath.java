package org.perfbridge.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Graphite paths as alignak-backend builds them: {@code [prefix.]REALM.HOST.SERVICE.METRIC}
 * ({@code REALM.HOST.METRIC} for a host check), one path per numeric field of the metric
 * ({@code METRIC}, {@code METRIC_warning}, {@code METRIC_critical}, {@code METRIC_min}, {@code METRIC_max}).
 * Every character outside {@code [A-Za-z0-9_-]} in a realm part, host, service or metric becomes {@code _},
 * so that no name can add or remove a level of the tree. A level longer than 220 characters is shortened
 * (see {@link #sanitize}); a label that is nothing but a timestamp suffix keeps it.
 */
public final class GraphiteMetricPath {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]");
    // Some plugins suffix a label with the epoch time it was measured at; alignak drops it, and so do we.
    private static final Pattern TIMESTAMP_SUFFIX = Pattern.compile("\\.\\d{10}\\z");

    private static final int MAX_LEVEL_LENGTH = 220;

    private GraphiteMetricPath() {
    }

    /** The base path of a sample's metric, without the field suffix. */
    public static String of(String prefix, MetricSample sample) {
        StringBuilder path = new StringBuilder();
        if (prefix != null && !prefix.isBlank()) {
            path.append(prefix.strip()).append('.');
        }
        for (String realmPart : sample.realm().split("\\.")) {
            path.append(sanitize(realmPart)).append('.');
        }
        path.append(sanitize(sample.host())).append('.');
        if (!sample.isHostCheck()) {
            path.append(sanitize(sample.service())).append('.');
        }
        String label = sample.metric().label();
        String withoutTimestamp = TIMESTAMP_SUFFIX.matcher(label).replaceFirst("");
        path.append(sanitize(withoutTimestamp.isEmpty() ? label : withoutTimestamp));
        return path.toString();
    }

    /** Each field's full path with its value: {@code value} is the base path, others get {@code _field}. */
    public static List<Map.Entry<String, Double>> datapoints(String prefix, MetricSample sample) {
        String base = of(prefix, sample);
        List<Map.Entry<String, Double>> datapoints = new ArrayList<>();
        for (Map.Entry<String, Double> field : sample.metric().numericFields().entrySet()) {
            String path = field.getKey().equals("value") ? base : base + "_" + field.getKey();
            datapoints.add(Map.entry(path, field.getValue()));
        }
        return datapoints;
    }

    /**
     * Each level is a directory or file name of a whisper file, and file systems refuse names over 255 bytes:
     * a longer level keeps its first 200 characters plus a hash of the whole name, so it stays unique.
     */
    static String sanitize(String name) {
        String safe = UNSAFE.matcher(name).replaceAll("_");
        if (safe.length() <= MAX_LEVEL_LENGTH) {
            return safe;
        }
        return safe.substring(0, 200) + "_" + Integer.toHexString(name.hashCode() & 0x7fffffff)
                + Integer.toHexString(new StringBuilder(name).reverse().toString().hashCode() & 0x7fffffff);
    }
}
