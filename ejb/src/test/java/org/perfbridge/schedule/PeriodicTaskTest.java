package org.perfbridge.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    private final AtomicReference<Thread> thread = new AtomicReference<>();

    private Thread newThread(Runnable runnable) {
        Thread made = new Thread(runnable);
        thread.set(made);
        return made;
    }

    @Test
    void aRunThatFailsDoesNotStopTheNext() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch threeRuns = new CountDownLatch(3);
        PeriodicTask task = PeriodicTask.every(Duration.ofMillis(10), "test", this::newThread, () -> {
            runs.incrementAndGet();
            threeRuns.countDown();
            throw new IllegalStateException("every run fails");
        });
        try {
            assertTrue(threeRuns.await(5, TimeUnit.SECONDS), "runs after failures: " + runs.get());
        } finally {
            task.stop();
        }
    }

    @Test
    void stopLetsTheRunUnderWayFinishUninterruptedAndEndsTheThread() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        PeriodicTask task = PeriodicTask.every(Duration.ofMillis(10), "test", this::newThread, () -> {
            runs.incrementAndGet();
            started.countDown();
            try {
                Thread.sleep(300);
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertTrue(started.await(5, TimeUnit.SECONDS));
        task.stop();

        assertTrue(finished.get(), "the run under way finished before stop returned");
        assertFalse(interrupted.get());
        thread.get().join(1000);
        assertFalse(thread.get().isAlive(), "the task's thread ended");
        int runsAtStop = runs.get();
        Thread.sleep(50);
        assertEquals(runsAtStop, runs.get(), "no run after stop");
    }
}
