package org.perfbridge.it;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something the server does asynchronously (the queue, the sinks), polling. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(String what, Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
            value = probe.get();
        }
        return value;
    }
}
