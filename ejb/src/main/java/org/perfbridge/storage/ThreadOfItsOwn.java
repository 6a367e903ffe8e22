package org.perfbridge.storage;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a task on a thread that ends with it. Netty, under mongo-java-server, leaves an InternalThreadLocalMap in
 * the thread-locals of whichever thread binds or shuts down its server. Run on WildFly's pooled deployment threads,
 * that map outlived the deployment and held its classes: a heap dump after 3 redeploys showed two old deployments
 * kept that way. A thread that ends takes its thread-locals with it.
 */
final class ThreadOfItsOwn {

    private ThreadOfItsOwn() {
    }

    /** Runs the task and waits for it, even when interrupted: what it changes must be complete when this returns. */
    static void run(String name, Runnable task) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        }, name);
        thread.start();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }
}
