package org.perfbridge.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A task run every so often on a thread of its own, which ends when the task is stopped. Not an EJB timer: WildFly
 * runs those on its EJB thread pool, whose threads live as long as the server, and each pooled thread keeps the first
 * task it ran, and with it the deployment that was live then; after 20 redeploys a heap dump showed an old deployment
 * kept that way. A run that fails is logged and the next one comes as planned; a run still going when the next is
 * due delays it.
 */
public final class PeriodicTask {

    private static final Logger LOG = Logger.getLogger(PeriodicTask.class.getName());
    // Longer than any run (log expiry stops itself after 8 s): a store must not be closed under a run.
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final String name;
    private final ScheduledExecutorService executor;

    private PeriodicTask(String name, ScheduledExecutorService executor) {
        this.name = name;
        this.executor = executor;
    }

    /**
     * Runs the task every {@code period}, the first time one period from now, on a thread from {@code threads} (the
     * deployment's ManagedThreadFactory, so that the task runs in the deployment's context).
     */
    public static PeriodicTask every(Duration period, String name, ThreadFactory threads, Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = threads.newThread(runnable);
            thread.setName("perfbridge-" + name);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "perfbridge-" + name + " failed, it runs again in " + period.toSeconds() + " s: " + e, e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new PeriodicTask(name, executor);
    }

    /**
     * Lets a run under way finish, without interrupting it (an interrupt closes the store's file channel under it),
     * and runs the task no more; its thread then ends.
     */
    public void stop() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("perfbridge-" + name + " still running after " + STOP_WAIT.toSeconds() + " s: interrupted");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
