package org.perfbridge.it.bench;

import java.time.Duration;

/** Waiting for a number the servers do not announce (points in a sink, logs in the store) by reading it again and again. */
final class Polling {

    /** Something the benchmark waits for to reach a number. */
    interface Count {
        long get() throws Exception;
    }

    private Polling() {
    }

    /** Reads the count every {@code pollMillis} until it reaches {@code expected} or the time is up; answers the last. */
    static long awaitCount(Count count, long expected, Duration atMost, long pollMillis) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        long found = count.get();
        while (found < expected && System.nanoTime() < deadline) {
            Thread.sleep(pollMillis);
            found = count.get();
        }
        return found;
    }
}
