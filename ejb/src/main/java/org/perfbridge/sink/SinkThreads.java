package org.perfbridge.sink;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The thread the sinks need besides the caller's: the write deadlines' timer. It belongs to this deployment and ends
 * with it, and carries no context class loader: a thread started from a deployment's thread inherits its loader, and a
 * thread that outlives the deployment keeps all of its classes in metaspace.
 */
final class SinkThreads implements AutoCloseable {

    private final ScheduledThreadPoolExecutor deadlines;

    SinkThreads() {
        deadlines = new ScheduledThreadPoolExecutor(1, named("perfbridge-write-deadline"));
        deadlines.setRemoveOnCancelPolicy(true);
    }

    ScheduledExecutorService deadlines() {
        return deadlines;
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(null);
            return thread;
        };
    }
}
