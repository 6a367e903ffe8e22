package org.perfbridge.perfdata;

/** A piece of a perfdata string that was skipped, and why. */
public record ParseProblem(String metricText, ProblemReason reason) {
}
