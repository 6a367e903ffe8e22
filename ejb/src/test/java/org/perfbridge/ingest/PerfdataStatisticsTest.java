package org.perfbridge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.perfbridge.perfdata.PerfdataParser;
import org.perfbridge.perfdata.ProblemReason;

class PerfdataStatisticsTest {

    @Test
    void countsParsedMetricsRejectedMetricsAndProblemsByReason() {
        PerfdataStatistics statistics = new PerfdataStatistics();

        statistics.count(PerfdataParser.parse("rta=0.08ms;100;500;0 pl=0%;20;60;0"));
        statistics.count(PerfdataParser.parse("a=1 b=oops c= d=4"));
        statistics.count(PerfdataParser.parse("e=1;x;;0"));
        statistics.count(PerfdataParser.parse(null));

        JsonObject json = statistics.toJson();
        assertEquals(5, json.getInt("metrics_parsed"));
        assertEquals(2, json.getInt("metrics_rejected"), "b and c were skipped; e was kept without its warning");
        assertEquals(3, json.getInt("problems"));
        assertEquals(1, json.getJsonObject("problems_by_reason").getInt(ProblemReason.WARNING_NOT_A_RANGE.text()));
        assertEquals(1, json.getJsonObject("problems_by_reason").getInt(ProblemReason.VALUE_NOT_A_NUMBER.text()));
        assertEquals(1, json.getJsonObject("problems_by_reason").getInt(ProblemReason.EMPTY_VALUE.text()));
    }
}
