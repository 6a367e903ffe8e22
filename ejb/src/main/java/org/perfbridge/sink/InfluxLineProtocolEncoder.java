package org.perfbridge.sink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * InfluxDB 1.x line protocol, seconds precision: measurement = metric label; tags {@code host}, {@code realm},
 * {@code service} (not for host checks), {@code unit} (when present); fields {@code value} and the thresholds,
 * {@code min}, {@code max} that are present. A metric without any number (value {@code U}, nothing else) has no line.
 */
public final class InfluxLineProtocolEncoder {

    private InfluxLineProtocolEncoder() {
    }

    public static byte[] encode(List<MetricSample> samples) {
        StringBuilder lines = new StringBuilder(samples.size() * 96);
        for (MetricSample sample : samples) {
            appendLine(lines, sample);
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void appendLine(StringBuilder lines, MetricSample sample) {
        Map<String, Double> fields = sample.metric().numericFields();
        if (fields.isEmpty()) {
            return;
        }
        escape(lines, sample.metric().label(), false);
        appendTag(lines, "host", sample.host());
        appendTag(lines, "realm", sample.realm());
        if (!sample.isHostCheck()) {
            appendTag(lines, "service", sample.service());
        }
        String unit = sample.metric().unit();
        if (unit != null && !unit.isEmpty()) {
            appendTag(lines, "unit", unit);
        }
        char separator = ' ';
        for (Map.Entry<String, Double> field : fields.entrySet()) {
            lines.append(separator).append(field.getKey()).append('=').append(NumberText.of(field.getValue()));
            separator = ',';
        }
        lines.append(' ').append(sample.timestamp()).append('\n');
    }

    private static void appendTag(StringBuilder lines, String key, String value) {
        lines.append(',').append(key).append('=');
        escape(lines, value, true);
    }

    /**
     * Backslash-escapes what would end the name ({@code ,}, space, and {@code =} in tags). Line breaks cannot be
     * escaped in line protocol, so they become spaces. InfluxDB 1.x reads a backslash right before a space,
     * comma or {@code =}, or at the end of a name, as an escape, so such a backslash cannot be written at all:
     * it becomes {@code /} ({@code 'C:\ used %'} is measurement {@code C:/ used %}). Other backslashes stay.
     */
    static void escape(StringBuilder out, String name, boolean escapeEquals) {
        int length = name.length();
        for (int i = 0; i < length; i++) {
            char c = lineBreakToSpace(name.charAt(i));
            if (c == '\\') {
                boolean beforeSeparator = i == length - 1 || isSeparator(lineBreakToSpace(name.charAt(i + 1)));
                out.append(beforeSeparator ? '/' : '\\');
                continue;
            }
            if (c == ',' || c == ' ' || (escapeEquals && c == '=')) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    private static char lineBreakToSpace(char c) {
        return c == '\n' || c == '\r' ? ' ' : c;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == ' ' || c == '=';
    }
}
