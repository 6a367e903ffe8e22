package org.perfbridge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitPipelineTest {

    private final List<List<String>> writes = Collections.synchronizedList(new ArrayList<>());
    private final List<List<String>> commits = Collections.synchronizedList(new ArrayList<>());
    private final Semaphore writeGate = new Semaphore(1_000_000);
    private final Semaphore commitGate = new Semaphore(1_000_000);
    private final ExecutorService submitters = Executors.newCachedThreadPool();
    private Consumer<List<String>> write = items -> {
        pass(writeGate);
        writes.add(items);
    };
    private Consumer<List<String>> commit = items -> {
        pass(commitGate);
        commits.add(items);
    };
    private CommitPipeline<String> pipeline;

    @AfterEach
    void stop() {
        writeGate.release(1000);
        commitGate.release(1000);
        if (pipeline != null) {
            pipeline.stop();
        }
        submitters.shutdownNow();
    }

    @Test
    void answersTheSubmitterOnlyAfterItsGroupIsCommitted() throws Exception {
        start(10);
        commitGate.drainPermits();

        CompletableFuture<Void> answered = submit("a");
        await(() -> writes.size() == 1);

        assertFalse(answered.isDone(), "written but not committed yet");
        commitGate.release();
        answered.get(5, TimeUnit.SECONDS);
        assertEquals(List.of(List.of("a")), commits);
    }

    @Test
    void writesEverythingThatArrivedDuringAWriteAsOneGroup() throws Exception {
        start(10);
        writeGate.drainPermits();
        CompletableFuture<Void> first = submit("first");
        Thread.sleep(300);
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(submit("next" + i));
        }
        Thread.sleep(300);

        writeGate.release(2);
        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<Void> each : waiting) {
            each.get(5, TimeUnit.SECONDS);
        }

        assertEquals(2, writes.size(), writes.toString());
        assertEquals(List.of("first"), writes.get(0));
        assertEquals(5, writes.get(1).size(), "the five that waited went out in one write");
    }

    @Test
    void boundsTheGroupBySize() throws Exception {
        start(3);
        writeGate.drainPermits();
        CompletableFuture<Void> first = submit("first");
        Thread.sleep(300);
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            waiting.add(submit("next" + i));
        }
        Thread.sleep(300);

        writeGate.release(100);
        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<Void> each : waiting) {
            each.get(5, TimeUnit.SECONDS);
        }

        assertEquals(List.of(1, 3, 3, 1), writes.stream().map(List::size).toList());
    }

    @Test
    void commitsAllGroupsWrittenWhileTheLastCommitRan() throws Exception {
        start(1);
        commitGate.drainPermits();
        CompletableFuture<Void> first = submit("first");
        await(() -> writes.size() == 1);
        Thread.sleep(300);
        List<CompletableFuture<Void>> later = List.of(submit("b"), submit("c"), submit("d"));
        await(() -> writes.size() == 4);

        commitGate.release(2);
        first.get(5, TimeUnit.SECONDS);
        for (CompletableFuture<Void> each : later) {
            each.get(5, TimeUnit.SECONDS);
        }

        assertEquals(2, commits.size(), commits.toString());
        assertEquals(List.of("first"), commits.get(0));
        assertEquals(Set.of("b", "c", "d"), Set.copyOf(commits.get(1)), "submitted at once, in any order, committed together");
    }

    @Test
    void aFailedWriteFailsOnlyItsGroupAndTheNextGroupsGoOn() throws Exception {
        IllegalStateException refused = new IllegalStateException("store refused");
        Consumer<List<String>> storing = write;
        write = items -> {
            if (items.contains("bad")) {
                throw refused;
            }
            storing.accept(items);
        };
        start(10);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> submit("bad").get(5, TimeUnit.SECONDS));
        submit("good").get(5, TimeUnit.SECONDS);

        assertSame(refused, failed.getCause());
        assertEquals(List.of(List.of("good")), commits, "the failed group was never committed");
    }

    @Test
    void aFailedCommitFailsItsGroupsAndTheNextCommitGoesOn() throws Exception {
        IllegalStateException refused = new IllegalStateException("commit refused");
        Consumer<List<String>> committing = commit;
        commit = items -> {
            if (items.contains("bad")) {
                throw refused;
            }
            committing.accept(items);
        };
        start(10);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> submit("bad").get(5, TimeUnit.SECONDS));
        submit("good").get(5, TimeUnit.SECONDS);

        assertSame(refused, failed.getCause());
        assertEquals(List.of(List.of("good")), commits);
    }

    @Test
    void stoppingFailsTheSubmittersStillWaiting() throws Exception {
        start(10);
        writeGate.drainPermits();
        CompletableFuture<Void> stuck = submit("stuck");
        Thread.sleep(300);
        CompletableFuture<Void> waiting = submit("waiting");
        Thread.sleep(300);

        pipeline.stop();

        ExecutionException failed = assertThrows(ExecutionException.class, () -> waiting.get(5, TimeUnit.SECONDS));
        assertEquals("stopping", failed.getCause().getMessage());
        assertThrows(ExecutionException.class, () -> stuck.get(5, TimeUnit.SECONDS), "the group being written failed as well");
    }

    private void start(int maxGroupSize) {
        pipeline = new CommitPipeline<>(item -> 1, maxGroupSize, items -> write.accept(items), items -> commit.accept(items),
                () -> new IllegalStateException("stopping"));
        pipeline.start(Executors.defaultThreadFactory(), "test");
    }

    private CompletableFuture<Void> submit(String item) {
        return CompletableFuture.runAsync(() -> pipeline.submitAndWait(item), submitters);
    }

    /** Like a store call, a stage waiting at its gate gives up when its thread is interrupted. */
    private static void pass(Semaphore gate) {
        try {
            gate.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 5 s");
            }
            Thread.sleep(10);
        }
    }
}
