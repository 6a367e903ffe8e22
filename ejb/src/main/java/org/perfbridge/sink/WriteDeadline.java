package org.perfbridge.sink;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A socket write blocks without limit once the peer stops reading and the buffers are full; a read timeout does
 * not cover it. This closes the socket when the deadline passes, which ends the blocked write with an exception.
 */
final class WriteDeadline implements AutoCloseable {

    private final CompletableFuture<Void> deadline;

    private WriteDeadline(CompletableFuture<Void> deadline) {
        this.deadline = deadline;
    }

    static WriteDeadline closing(Socket socket, int timeoutMs) {
        CompletableFuture<Void> deadline = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(timeoutMs, TimeUnit.MILLISECONDS).execute(() -> {
            if (deadline.complete(null)) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is the whole point; a failure to close leaves nothing to do
                }
            }
        });
        return new WriteDeadline(deadline);
    }

    /** Whether the deadline passed and closed the socket. */
    boolean expired() {
        return deadline.isDone() && !deadline.isCancelled();
    }

    @Override
    public void close() {
        deadline.cancel(false);
    }
}
