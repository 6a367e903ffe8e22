package org.perfbridge.storage;

import java.time.Duration;

/**
 * Says when the embedded store's journal may drop what it holds. A journal segment holds logs whose perfdata may
 * not have reached the queue yet; the store's commit covers the logs, not their perfdata.
 */
@FunctionalInterface
public interface JournalRelease {

    /** Whether the perfdata of every log journaled before this call has left for the queue, after waiting at most that long. */
    boolean awaitHandedOn(Duration timeout) throws InterruptedException;
}
