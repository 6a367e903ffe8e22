package org.perfbridge.perfdata;

import java.util.List;

/** What a perfdata string holds: the metrics that parsed and the problems with the rest. */
public record ParsedPerfdata(List<PerfMetric> metrics, List<ParseProblem> problems) {

    public ParsedPerfdata {
        metrics = List.copyOf(metrics);
        problems = List.copyOf(problems);
    }
}
