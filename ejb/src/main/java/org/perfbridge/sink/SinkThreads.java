package org.perfbridge.sink;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads the sinks need besides the caller's: the write deadlines' timer and the InfluxDB HTTP client's workers.
 * They belong to this deployment and end with it, and carry no context class loader: a thread started from a
 * deployment's thread inherits its loader, and a JDK thread that outlives the deployment (CompletableFuture's delay
 * scheduler, an HTTP client's idle workers) keeps all of its classes in metaspace.
 */
final class SinkThreads implements AutoCloseable {

    private final ScheduledThreadPoolExecutor deadlines;
    private final ExecutorService http;

    SinkThreads() {
        deadlines = new ScheduledThreadPoolExecutor(1, named("perfbridge-write-deadline"));
        deadlines.setRemoveOnCancelPolicy(true);
        http = Executors.newCachedThreadPool(named("perfbridge-influxdb-http"));
    }

    ScheduledExecutorService deadlines() {
        return deadlines;
    }

    ExecutorService http() {
        return http;
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        http.shutdownNow();
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
