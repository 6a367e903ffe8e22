package org.perfbridge.ingest;

import org.perfbridge.perfdata.ParsedPerfdata;

/**
 * A validated check result, with alignak-backend's logcheckresult fields. {@code serviceName} is empty for a
 * host check; {@code lastCheck} is epoch seconds. Optional fields the poller did not send are {@code null}.
 * {@code parsedPerfData} is {@code perfData} as the reader parsed it, once, to check its number of metrics.
 */
public record CheckResult(String hostName, String serviceName, CheckState state, String stateType, Integer stateId,
                          String lastState, String lastStateType, Integer lastStateId, Boolean stateChanged,
                          Boolean acknowledged, double lastCheck, String output, String longOutput, String perfData,
                          Double latency, Double executionTime, String realm, ParsedPerfdata parsedPerfData) {
}
