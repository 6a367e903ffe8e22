package org.perfbridge.sink;

import java.util.ArrayList;
import java.util.List;
import org.perfbridge.perfdata.PerfMetric;
import org.perfbridge.perfdata.PerfdataParser;

/** The perfdata of one check result, as it travels from ingest to the sink workers. */
public record CheckPerfdata(String realm, String host, String service, long timestamp, String perfData) {

    public List<MetricSample> samples() {
        List<PerfMetric> metrics = PerfdataParser.parse(perfData).metrics();
        List<MetricSample> samples = new ArrayList<>(metrics.size());
        for (PerfMetric metric : metrics) {
            samples.add(new MetricSample(realm, host, service, timestamp, metric));
        }
        return samples;
    }

    public static List<MetricSample> samplesOf(List<CheckPerfdata> checks) {
        List<MetricSample> samples = new ArrayList<>();
        for (CheckPerfdata check : checks) {
            samples.addAll(check.samples());
        }
        return samples;
    }
}
