package org.perfbridge.sink;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A socket write blocks without limit once the peer stops reading and the buffers are full; a read timeout does
 * not cover it. This closes the socket when the deadline passes, which ends the blocked write with an exception.
 * The deadline runs on the container's scheduler: the JDK's own (CompletableFuture.delayedExecutor) starts a thread
 * that keeps the class loader of the first deployment that used it for as long as the server runs.
 */
final class WriteDeadline implements AutoCloseable {

    private final AtomicBoolean expired;
    private final ScheduledFuture<?> closing;

    private WriteDeadline(AtomicBoolean expired, ScheduledFuture<?> closing) {
        this.expired = expired;
        this.closing = closing;
    }

    static WriteDeadline closing(Socket socket, int timeoutMs, ScheduledExecutorService scheduler) {
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> closing = scheduler.schedule(() -> {
            expired.set(true);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is the whole point; a failure to close leaves nothing to do
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
        return new WriteDeadline(expired, closing);
    }

    /** Whether the deadline passed and closed the socket. */
    boolean expired() {
        return expired.get();
    }

    @Override
    public void close() {
        closing.cancel(false);
    }
}
