package org.perfbridge.it.bench;

import java.util.Arrays;

/** Latencies noted by several threads, taken out all at once (for a phase, or for each minute of the soak). */
final class LatencyRecorder {

    private long[] nanos = new long[4096];
    private int size;

    synchronized void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    /** What was noted since the last call. */
    synchronized Latencies drain() {
        Latencies latencies = Latencies.of(Arrays.copyOf(nanos, size));
        size = 0;
        return latencies;
    }
}
