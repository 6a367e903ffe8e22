package org.perfbridge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit in two stages, each on its own thread. The first takes every item waiting (up to a bound) and
 * writes them as one group; the second takes every group written since it last ran and finishes them together
 * (one commit, one publish), then answers their submitters. While the second stage commits, the first already
 * writes the next group, so the store, its commit and the broker work at the same time, and the slower the
 * commit, the more groups it covers at once.
 *
 * @param <T> one submitted item (the check results of one request)
 */
final class CommitPipeline<T> {

    private static final Logger LOG = Logger.getLogger(CommitPipeline.class.getName());
    // Written groups waiting for their commit: the first stage stops ahead of a stalled commit.
    private static final int GROUPS_AHEAD = 4;

    private record Pending<T>(T item, CompletableFuture<Void> done) {
    }

    private final BlockingQueue<Pending<T>> submitted = new LinkedBlockingQueue<>();
    private final BlockingQueue<List<Pending<T>>> written = new ArrayBlockingQueue<>(GROUPS_AHEAD);
    private final ToIntFunction<T> size;
    private final int maxGroupSize;
    private final Consumer<List<T>> write;
    private final Consumer<List<T>> commit;
    private final Supplier<RuntimeException> stopping;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /**
     * @param size     how much one item counts against {@code maxGroupSize}
     * @param write    stores one group (the first stage); throws to fail the group
     * @param commit   makes the written groups durable and passes them on (the second stage); throws to fail them
     * @param stopping what the submitters still waiting get when the pipeline stops
     */
    CommitPipeline(ToIntFunction<T> size, int maxGroupSize, Consumer<List<T>> write, Consumer<List<T>> commit,
            Supplier<RuntimeException> stopping) {
        this.size = size;
        this.maxGroupSize = maxGroupSize;
        this.write = write;
        this.commit = commit;
        this.stopping = stopping;
    }

    void start(ThreadFactory factory, String name) {
        threads.add(factory.newThread(this::writeGroups));
        threads.add(factory.newThread(this::commitGroups));
        threads.get(0).setName(name + "-write");
        threads.get(1).setName(name + "-commit");
        threads.forEach(Thread::start);
    }

    /** Submits the item and waits until its group is committed; rethrows what failed its group. */
    void submitAndWait(T item) {
        Pending<T> pending = new Pending<>(item, new CompletableFuture<>());
        if (!running) {
            throw stopping.get();
        }
        submitted.add(pending);
        try {
            pending.done().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        RuntimeException stopped = stopping.get();
        written.forEach(group -> fail(group, stopped));
        submitted.forEach(pending -> pending.done().completeExceptionally(stopped));
    }

    private void writeGroups() {
        try {
            while (running) {
                List<Pending<T>> group = nextGroup();
                if (run(write, group)) {
                    written.put(group);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commitGroups() {
        try {
            while (running) {
                List<Pending<T>> groups = new ArrayList<>(written.take());
                List<List<Pending<T>>> more = new ArrayList<>();
                written.drainTo(more);
                more.forEach(groups::addAll);
                if (run(commit, groups)) {
                    groups.forEach(pending -> pending.done().complete(null));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Pending<T>> nextGroup() throws InterruptedException {
        List<Pending<T>> group = new ArrayList<>();
        Pending<T> next = submitted.take();
        int total = 0;
        do {
            group.add(next);
            total += size.applyAsInt(next.item());
        } while (total < maxGroupSize && (next = submitted.poll()) != null);
        return group;
    }

    /** Runs the stage on the group; a failure fails the group's submitters, and the stage goes on with the next. */
    private boolean run(Consumer<List<T>> stage, List<Pending<T>> group) {
        try {
            stage.accept(group.stream().map(Pending::item).toList());
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a commit group of {0} requests failed: {1}", new Object[] {group.size(), e.getMessage()});
            LOG.log(Level.FINE, "commit group failure", e);
            fail(group, e);
            return false;
        }
    }

    private static <T> void fail(List<Pending<T>> group, RuntimeException cause) {
        group.forEach(pending -> pending.done().completeExceptionally(cause));
    }
}
