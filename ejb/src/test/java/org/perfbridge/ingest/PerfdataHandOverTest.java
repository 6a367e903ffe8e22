package org.perfbridge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.perfbridge.sink.CheckPerfdata;

class PerfdataHandOverTest {

    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Duration LONG = Duration.ofSeconds(10);

    private final List<List<String>> messages = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore gate = new Semaphore(1_000_000);
    private Consumer<List<CheckPerfdata>> publishOrRetain = perfdata -> {
        pass(gate);
        messages.add(perfdata.stream().map(CheckPerfdata::host).toList());
    };
    private PerfdataHandOver handOver;

    @AfterEach
    void stop() {
        gate.release(1000);
        if (handOver != null) {
            handOver.stop(SHORT);
        }
    }

    @Test
    void whatIsHandedOverWhileAPublishRunsGoesOutTogetherInOrder() throws Exception {
        startWithThePublishOfAHeld(100);

        handOver.handOver(perfdata("b", "c"));
        handOver.handOver(perfdata("d"));
        gate.release(2);

        assertTrue(handOver.awaitHandedOn(LONG));
        assertEquals(List.of(List.of("a"), List.of("b", "c", "d")), messages);
    }

    @Test
    void awaitsOnlyWhatWasHandedOverBeforeItsCall() throws Exception {
        start(100);
        gate.drainPermits();
        handOver.handOver(perfdata("a"));

        assertFalse(handOver.awaitHandedOn(SHORT), "the publish of a is held");
        gate.release();
        assertTrue(handOver.awaitHandedOn(LONG));
        assertEquals(List.of(List.of("a")), messages);
    }

    @Test
    void perfdataThatCouldBeNeitherPublishedNorRetainedIsTriedAgainNotDropped() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(2);
        Consumer<List<CheckPerfdata>> working = publishOrRetain;
        publishOrRetain = perfdata -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("queue and retention both unavailable");
            }
            working.accept(perfdata);
        };
        start(100);

        handOver.handOver(perfdata("a", "b"));
        handOver.handOver(perfdata("c"));

        assertTrue(handOver.awaitHandedOn(LONG));
        assertEquals(List.of("a", "b", "c"), messages.stream().flatMap(List::stream).toList());
        assertTrue(failuresLeft.get() < 0, "the two failed tries came first");
    }

    @Test
    void holdsTheCallerWhileTheBoundIsWaitingAlready() throws Exception {
        startWithThePublishOfAHeld(3);
        handOver.handOver(perfdata("b", "c", "d"));

        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> {
            try {
                handOver.handOver(perfdata("e"));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Executors.newSingleThreadExecutor());
        Thread.sleep(SHORT.toMillis());
        assertFalse(held.isDone(), "four check results wait, the bound is three");

        gate.release(10);
        held.get(10, TimeUnit.SECONDS);
        assertTrue(handOver.awaitHandedOn(LONG));
        assertEquals(List.of("a", "b", "c", "d", "e"), messages.stream().flatMap(List::stream).toList());
    }

    @Test
    void stopsOnlyOnceWhatWaitsIsHandedOn() throws Exception {
        start(100);
        gate.drainPermits();
        handOver.handOver(perfdata("a"));
        handOver.handOver(perfdata("b"));
        CompletableFuture.runAsync(() -> {
            sleep(SHORT.toMillis());
            gate.release(10);
        });

        handOver.stop(LONG);

        assertEquals(List.of("a", "b"), messages.stream().flatMap(List::stream).toList());
        assertEquals(0, handOver.waitingCheckResults());
    }

    private void start(int maxWaiting) {
        handOver = new PerfdataHandOver(perfdata -> publishOrRetain.accept(perfdata), 1000, maxWaiting, Duration.ofMillis(20));
        handOver.start(Thread::new, "test-hand-over");
    }

    /** Hands over the check result of host a and waits until its publish is held at the gate. */
    private void startWithThePublishOfAHeld(int maxWaiting) throws InterruptedException {
        start(maxWaiting);
        gate.drainPermits();
        handOver.handOver(perfdata("a"));
        await(() -> gate.hasQueuedThreads());
    }

    private static List<CheckPerfdata> perfdata(String... hosts) {
        List<CheckPerfdata> perfdata = new ArrayList<>();
        for (String host : hosts) {
            perfdata.add(new CheckPerfdata("All", host, "ping", 1_700_000_000L, "rta=1ms"));
        }
        return perfdata;
    }

    private static void pass(Semaphore gate) {
        try {
            gate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.sleep(5);
        }
    }
}
