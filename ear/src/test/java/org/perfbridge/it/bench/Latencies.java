package org.perfbridge.it.bench;

import java.util.Arrays;
import java.util.Locale;

/** The latencies of one kind of request in a phase, sorted. */
final class Latencies {

    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    /** The nearest-rank percentile of sorted values (at least one). */
    static long percentile(long[] sorted, int percentile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)];
    }

    int count() {
        return sortedNanos.length;
    }

    /** NaN when nothing was measured. */
    double percentileMs(int percentile) {
        return sortedNanos.length == 0 ? Double.NaN : percentile(sortedNanos, percentile) / 1e6;
    }

    double maxMs() {
        return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    /** e.g. "p50 1.2 ms, p95 3.4 ms, p99 8.9 ms, max 20.1 ms". */
    String summary() {
        return String.format(Locale.ROOT, "p50 %s, p95 %s, p99 %s, max %s", ms(percentileMs(50)), ms(percentileMs(95)),
                ms(percentileMs(99)), ms(maxMs()));
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "none" : String.format(Locale.ROOT, "%,.1f ms", millis);
    }
}
