package org.perfbridge.it.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.perfbridge.it.support.WildFlyProcess;
import org.perfbridge.it.support.ProcessMemory;

/**
 * The soak phase of {@link StoreScaleBenchmark}: the server restarted with the store's bound on the logs it keeps,
 * then single check results at a steady rate (open loop) until the soak's number is posted, with one reader going
 * round the read shapes, and a table row every minute. The heap is weighed after a full GC each minute
 * ({@code jcmd GC.run}), so each minute's POSTs include one full-GC pause.
 */
final class StoreSoak {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final StoreScaleBenchmark bench;

    StoreSoak(StoreScaleBenchmark bench) {
        this.bench = bench;
    }

    void run() throws Exception {
        WildFlyProcess server = bench.server();
        server.stop();
        server.setSystemProperties(Map.of(StoreScaleBenchmark.MAX_LOGS_PROPERTY, String.valueOf(StoreScaleBenchmark.SOAK_MAX_LOGS)));
        server.start(Duration.ofMinutes(10));
        long pid = server.jvmPid();
        System.out.printf(Locale.ROOT, "%nsoak: %,d check results, 1 per POST at %,d/s (open loop, %d connections), one reader beside;"
                        + " the server restarted with -D%s=%d on the store as the phases before left it (%,d logs posted)%n%n",
                StoreScaleBenchmark.SOAK_LOGS, StoreScaleBenchmark.SOAK_RATE, StoreScaleBenchmark.OPEN_LOOP_CONNECTIONS,
                StoreScaleBenchmark.MAX_LOGS_PROPERTY, StoreScaleBenchmark.SOAK_MAX_LOGS, bench.sequence().get());
        System.out.println("| elapsed | logs posted | logs stored | store files | heap after GC | RSS | POST p50 | POST p99 | GET p99 | not 201 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        long first = bench.sequence().getAndAdd(StoreScaleBenchmark.SOAK_LOGS);
        LatencyRecorder gets = new LatencyRecorder();
        LogReader reader = new LogReader(bench.api(), bench.results(), StoreScaleBenchmark.SEED + 200);
        OpenLoopPosts posts;
        try (LogReader.Loop loop = reader.loop(gets)) {
            posts = OpenLoopPosts.start(bench.api(), bench.results(), first, StoreScaleBenchmark.SOAK_LOGS, StoreScaleBenchmark.SOAK_RATE,
                    StoreScaleBenchmark.OPEN_LOOP_CONNECTIONS);
            long started = System.nanoTime();
            long refusedBefore = 0;
            boolean finished = false;
            for (int minute = 1; !finished; minute++) {
                long wait = started + minute * MINUTE_NANOS - System.nanoTime();
                finished = posts.awaitDone(Math.max(0, wait / 1_000_000));
                Latencies post = posts.drainLatencies();
                Latencies get = gets.drain();
                long refused = posts.refused();
                long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
                System.out.printf(Locale.ROOT, "| %d:%02d | %,d | %,d | %,.0f MB | %,d MiB | %,d MiB | %s | %s | %s | %,d |%n",
                        elapsed / 60, elapsed % 60, first + posts.accepted(), bench.storedLogs(), bench.storeBytes() / 1e6,
                        ProcessMemory.heapAfterFullGcKiB(pid) / 1024, ProcessMemory.rssKiB(pid) / 1024,
                        Latencies.ms(post.percentileMs(50)), Latencies.ms(post.percentileMs(99)), Latencies.ms(get.percentileMs(99)),
                        refused - refusedBefore);
                refusedBefore = refused;
            }
            posts.awaitDone();
        }
        System.out.println();
        StoreScaleBenchmark.row("soak: POSTs not answered 201, wrong answers to reads", String.format(Locale.ROOT, "%,d not 201%s%s",
                posts.refused(), posts.firstRefusalText(), reader.wrongAnswersText()),
                StoreScaleBenchmark.expected("none", posts.refused() == 0 && reader.wrongAnswers() == 0));
        if (reader.wrongAnswers() > 0) {
            bench.fail("soak" + reader.wrongAnswersText());
        }
    }
}
