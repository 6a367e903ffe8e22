package org.perfbridge.sink;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What each sink did since the server started: points delivered, points retained, the last error. */
@ApplicationScoped
public class SinkHealth {

    public static final class Counters {
        private final AtomicLong delivered = new AtomicLong();
        private final AtomicLong retained = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicLong droppedByBounds = new AtomicLong();
        private final AtomicReference<String> lastError = new AtomicReference<>();
        private final AtomicReference<Instant> lastErrorAt = new AtomicReference<>();

        public long delivered() {
            return delivered.get();
        }

        public long retained() {
            return retained.get();
        }

        public long failures() {
            return failures.get();
        }

        public long rejected() {
            return rejected.get();
        }

        public long droppedByBounds() {
            return droppedByBounds.get();
        }

        public String lastError() {
            return lastError.get();
        }

        public Instant lastErrorAt() {
            return lastErrorAt.get();
        }
    }

    private final Map<String, Counters> bySink = new ConcurrentHashMap<>();

    public Counters of(String sinkName) {
        return bySink.computeIfAbsent(sinkName, name -> new Counters());
    }

    public void delivered(String sinkName, int points) {
        of(sinkName).delivered.addAndGet(points);
    }

    public void rejected(String sinkName, int points) {
        of(sinkName).rejected.addAndGet(points);
    }

    public void droppedByBounds(String sinkName, long points) {
        of(sinkName).droppedByBounds.addAndGet(points);
    }

    public void retainedBehindBacklog(String sinkName, int points) {
        of(sinkName).retained.addAndGet(points);
    }

    public void failed(String sinkName, String error, int pointsRetained) {
        Counters counters = of(sinkName);
        counters.failures.incrementAndGet();
        counters.retained.addAndGet(pointsRetained);
        counters.lastError.set(error);
        counters.lastErrorAt.set(Instant.now());
    }
}
