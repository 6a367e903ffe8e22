package org.perfbridge.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a sink has points waiting in retention. While it has, new points for it queue behind them in retention
 * instead of overtaking them, so that each series reaches the sink in timestamp order, also across an outage.
 */
@ApplicationScoped
public class RetentionBacklog {

    private final Map<String, Boolean> pending = new ConcurrentHashMap<>();

    @Inject
    RetentionStore retention;

    public boolean isPending(String sink) {
        return pending.computeIfAbsent(sink, name -> retention.count(name) > 0);
    }

    public void markPending(String sink) {
        pending.put(sink, true);
    }

    /** Called when redelivery found retention empty; a point retained meanwhile keeps the backlog open. */
    public void markDrained(String sink) {
        pending.put(sink, false);
        if (retention.count(sink) > 0) {
            pending.put(sink, true);
        }
    }
}
