package org.perfbridge.perfdata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric of a Nagios perfdata string: {@code 'label'=value[UOM];warn;crit;min;max}.
 * Absent parts are {@code null}; a value of {@code U} (undetermined) is a {@code null} value.
 */
public record PerfMetric(String label, Double value, String unit,
                         Threshold warning, Threshold critical, Double min, Double max) {

    /**
     * The numbers a timeseries database stores for this metric, by field name:
     * {@code value}, {@code warning} (or {@code warning_min}/{@code warning_max} for a range),
     * the same for {@code critical}, then {@code min} and {@code max}. Absent parts are left out.
     */
    public Map<String, Double> numericFields() {
        Map<String, Double> fields = new LinkedHashMap<>();
        if (value != null) {
            fields.put("value", value);
        }
        putThreshold(fields, "warning", warning);
        putThreshold(fields, "critical", critical);
        if (min != null) {
            fields.put("min", min);
        }
        if (max != null) {
            fields.put("max", max);
        }
        return Collections.unmodifiableMap(fields);
    }

    private static void putThreshold(Map<String, Double> fields, String name, Threshold threshold) {
        if (threshold == null) {
            return;
        }
        if (threshold.plainNumber()) {
            fields.put(name, threshold.high());
            return;
        }
        if (threshold.low() != null) {
            fields.put(name + "_min", threshold.low());
        }
        if (threshold.high() != null) {
            fields.put(name + "_max", threshold.high());
        }
    }
}
