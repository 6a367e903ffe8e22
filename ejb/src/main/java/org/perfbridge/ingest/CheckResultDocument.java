package org.perfbridge.ingest;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.perfbridge.perfdata.ParseProblem;
import org.perfbridge.perfdata.ParsedPerfdata;
import org.perfbridge.sink.CheckPerfdata;

/** The {@code logcheckresult} document of a check result: its fields as posted, and why any perfdata was skipped. */
final class CheckResultDocument {

    private CheckResultDocument() {
    }

    static Document of(ObjectId id, CheckResult result, ParsedPerfdata perfdata) {
        Document document = new Document("_id", id)
                .append("host_name", result.hostName())
                .append("service_name", result.serviceName())
                .append("state", result.state().name())
                .append("state_type", result.stateType())
                .append("state_id", result.stateId())
                .append("last_check", result.lastCheck())
                .append("realm", result.realm());
        appendPresent(document, "last_state", result.lastState());
        appendPresent(document, "last_state_type", result.lastStateType());
        appendPresent(document, "last_state_id", result.lastStateId());
        appendPresent(document, "state_changed", result.stateChanged());
        appendPresent(document, "acknowledged", result.acknowledged());
        appendPresent(document, "output", result.output());
        appendPresent(document, "long_output", result.longOutput());
        appendPresent(document, "perf_data", result.perfData());
        appendPresent(document, "latency", result.latency());
        appendPresent(document, "execution_time", result.executionTime());
        if (!perfdata.problems().isEmpty()) {
            List<Document> problems = new ArrayList<>();
            for (ParseProblem problem : perfdata.problems()) {
                problems.add(new Document("metric", problem.metricText()).append("reason", problem.reason().text()));
            }
            document.append("perf_data_problems", problems);
        }
        document.append("_created", new Date());
        return document;
    }

    /**
     * The perfdata the sinks get from a log: from the document just built, or from one the journal read back
     * after a crash, alike. None when the check result had none.
     */
    static Optional<CheckPerfdata> perfdataOf(Document log) {
        String perfData = log.getString("perf_data");
        if (perfData == null || perfData.isBlank()) {
            return Optional.empty();
        }
        String service = log.getString("service_name");
        long timestamp = (long) Math.floor(((Number) log.get("last_check")).doubleValue());
        return Optional.of(new CheckPerfdata(log.getString("realm"), log.getString("host_name"),
                service == null || service.isEmpty() ? null : service, timestamp, perfData));
    }

    private static void appendPresent(Document document, String field, Object value) {
        if (value != null) {
            document.append(field, value);
        }
    }
}
