package org.perfbridge.it.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Single check results POSTed on a fixed schedule (open loop): the i-th is due {@code i / rate} seconds after the
 * start and its latency counts from then, so a server that stalls cannot hide the requests that queued meanwhile.
 * A POST answered with anything but 201, or not answered, is refused: counted, not retried.
 */
final class OpenLoopPosts {

    private final PerfbridgeHttp api;
    private final NumberedCheckResults results;
    private final long firstNumber;
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile String firstRefusal;
    private final ExecutorService workers;
    private final List<Future<?>> done = new ArrayList<>();

    private OpenLoopPosts(PerfbridgeHttp api, NumberedCheckResults results, long firstNumber, long count, int perSecond, int connections) {
        this.api = api;
        this.results = results;
        this.firstNumber = firstNumber;
        workers = Executors.newFixedThreadPool(connections);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime() + 100_000_000L;
        for (int c = 0; c < connections; c++) {
            done.add(workers.submit(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    post(i, start + i * 1_000_000_000L / perSecond);
                }
                return null;
            }));
        }
        workers.shutdown();
    }

    /** Starts posting the check results numbered {@code firstNumber} to {@code firstNumber + count - 1} on that many connections. */
    static OpenLoopPosts start(PerfbridgeHttp api, NumberedCheckResults results, long firstNumber, long count, int perSecond,
                               int connections) {
        return new OpenLoopPosts(api, results, firstNumber, count, perSecond, connections);
    }

    /** Waits until every POST is answered. */
    void awaitDone() throws Exception {
        for (Future<?> each : done) {
            each.get();
        }
    }

    /** Whether every POST is answered, after waiting at most that long. */
    boolean awaitDone(long millis) throws InterruptedException {
        return workers.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    /** The POSTs answered since the last call, from their planned start. */
    Latencies drainLatencies() {
        return latencies.drain();
    }

    long accepted() {
        return accepted.get();
    }

    long refused() {
        return refused.get();
    }

    /** e.g. ", the first: 503 …", or nothing when none was refused. */
    String firstRefusalText() {
        return firstRefusal == null ? "" : ", the first: " + firstRefusal;
    }

    private void post(long i, long planned) throws InterruptedException {
        long wait = planned - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        String refusal;
        try {
            HttpResponse<String> response = api.postJson("/logcheckresult", results.json(firstNumber + i));
            refusal = response.statusCode() == 201 ? null : response.statusCode() + " " + response.body();
        } catch (IOException e) {
            refusal = e.toString();
        }
        latencies.add(System.nanoTime() - planned);
        if (refusal == null) {
            accepted.incrementAndGet();
        } else {
            refused.incrementAndGet();
            if (firstRefusal == null) {
                firstRefusal = refusal;
            }
        }
    }
}
