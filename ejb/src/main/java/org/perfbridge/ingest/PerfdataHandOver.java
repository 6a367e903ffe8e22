package org.perfbridge.ingest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.perfbridge.sink.CheckPerfdata;

/**
 * Perfdata of groups whose logs are in the embedded store's journal, on their way to the queue on a thread of
 * their own: a request is answered once its logs are in the journal, without waiting for the broker's commit,
 * the slowest step of the group commit. The journal keeps the logs, and with them their perfdata, until {@link
 * #awaitHandedOn} says everything handed over before has been published: a crash in between loses nothing,
 * the store reads the journal back and its perfdata is handed over again.
 *
 * <p>What was handed over while a publish ran goes out together as the next message. When it can be neither
 * published nor retained, it stays first in line and is tried again after a pause.
 */
final class PerfdataHandOver {

    private static final Logger LOG = Logger.getLogger(PerfdataHandOver.class.getName());

    private final Consumer<List<CheckPerfdata>> publishOrRetain;
    private final int maxPerMessage;
    private final int maxWaiting;
    private final Duration retryPause;
    private final Deque<List<CheckPerfdata>> waiting = new ArrayDeque<>();
    private int waitingCheckResults;
    private long handedOver;
    private long handedOn;
    private boolean running = true;
    private Thread thread;

    /**
     * @param publishOrRetain sends perfdata as one persistent message, or keeps it in retention; throws when it can do neither
     * @param maxPerMessage   check results one message joins at most (one batch larger than that goes alone)
     * @param maxWaiting      check results waiting at most: {@link #handOver} holds its caller beyond that
     * @param retryPause      how long to wait before trying again what could be neither published nor retained
     */
    PerfdataHandOver(Consumer<List<CheckPerfdata>> publishOrRetain, int maxPerMessage, int maxWaiting, Duration retryPause) {
        this.publishOrRetain = publishOrRetain;
        this.maxPerMessage = maxPerMessage;
        this.maxWaiting = maxWaiting;
        this.retryPause = retryPause;
    }

    void start(ThreadFactory factory, String name) {
        thread = factory.newThread(this::handOnUntilStopped);
        thread.setName(name);
        thread.start();
    }

    /** Queues the perfdata for publishing; waits while more than the bound is waiting already. */
    synchronized void handOver(List<CheckPerfdata> perfdata) throws InterruptedException {
        if (perfdata.isEmpty()) {
            return;
        }
        while (running && waitingCheckResults >= maxWaiting) {
            wait();
        }
        waiting.add(perfdata);
        waitingCheckResults += perfdata.size();
        handedOver++;
        notifyAll();
    }

    /** Whether everything handed over before this call has been published or retained, after waiting at most that long. */
    synchronized boolean awaitHandedOn(Duration timeout) throws InterruptedException {
        long target = handedOver;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handedOn < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Stops once what waits is handed on, or after {@code drain}; what is left stays in the journal. */
    void stop(Duration drain) {
        try {
            if (!awaitHandedOn(drain)) {
                LOG.warning("perfdata of " + waitingCheckResults() + " check results not queued yet at stop: the journal "
                        + "keeps them and they are queued at the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            running = false;
            notifyAll();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized int waitingCheckResults() {
        return waitingCheckResults;
    }

    private void handOnUntilStopped() {
        try {
            while (true) {
                List<List<CheckPerfdata>> next = nextMessage();
                if (next == null) {
                    return;
                }
                List<CheckPerfdata> message = new ArrayList<>();
                next.forEach(message::addAll);
                while (!publishOrRetain(message)) {
                    Thread.sleep(retryPause.toMillis());
                }
                handedOn(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The batches the next message carries, left in line until they are handed on; null once stopped. */
    private synchronized List<List<CheckPerfdata>> nextMessage() throws InterruptedException {
        while (running && waiting.isEmpty()) {
            wait();
        }
        if (!running) {
            return null;
        }
        List<List<CheckPerfdata>> batches = new ArrayList<>();
        int size = 0;
        for (List<CheckPerfdata> batch : waiting) {
            if (!batches.isEmpty() && size + batch.size() > maxPerMessage) {
                break;
            }
            batches.add(batch);
            size += batch.size();
        }
        return batches;
    }

    private synchronized void handedOn(List<List<CheckPerfdata>> batches) {
        for (List<CheckPerfdata> batch : batches) {
            waiting.remove();
            waitingCheckResults -= batch.size();
        }
        handedOn += batches.size();
        notifyAll();
    }

    private boolean publishOrRetain(List<CheckPerfdata> message) {
        try {
            publishOrRetain.accept(message);
            return true;
        } catch (RuntimeException retentionRefused) {
            LOG.log(Level.WARNING, "perfdata of {0} check results could be neither queued nor retained, tried again in {1} ms: {2}",
                    new Object[] {message.size(), retryPause.toMillis(), retentionRefused.getMessage()});
            return false;
        }
    }
}
