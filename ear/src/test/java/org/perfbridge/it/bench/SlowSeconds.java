package org.perfbridge.it.bench;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The latencies of an open-loop phase by the second each POST was planned in: whether a p99 comes from the
 * whole phase or from a few stalls (a commit of the store, a collection) that every POST of their second waits
 * behind.
 */
final class SlowSeconds {

    private final long[][] bySecond;

    /** {@code latencies[i]} is the latency of the POST planned {@code i / perSecond} seconds into the phase. */
    SlowSeconds(long[] latencies, int perSecond) {
        int seconds = (latencies.length + perSecond - 1) / perSecond;
        bySecond = new long[seconds][];
        for (int s = 0; s < seconds; s++) {
            bySecond[s] = Arrays.copyOfRange(latencies, s * perSecond, Math.min(latencies.length, (s + 1) * perSecond));
            Arrays.sort(bySecond[s]);
        }
    }

    long secondsOver(long p99Nanos) {
        return Arrays.stream(bySecond).filter(second -> Latencies.percentile(second, 99) > p99Nanos).count();
    }

    /** e.g. "12 s: p99 180.2 ms, max 201.0 ms; 27 s: …", the slowest seconds by their p99, in the order they came. */
    String slowest(int count) {
        return IntStream.range(0, bySecond.length).boxed()
                .sorted(Comparator.comparingLong((Integer s) -> Latencies.percentile(bySecond[s], 99)).reversed())
                .limit(count).sorted()
                .map(s -> String.format(Locale.ROOT, "%d s: p99 %.1f ms, max %.1f ms", s,
                        Latencies.percentile(bySecond[s], 99) / 1e6, bySecond[s][bySecond[s].length - 1] / 1e6))
                .collect(Collectors.joining("; "));
    }

    int seconds() {
        return bySecond.length;
    }
}
