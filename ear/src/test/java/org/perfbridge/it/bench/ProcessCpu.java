package org.perfbridge.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What each process sharing the machine took of its cores since {@link #start}, from /proc: user and system time, of
 * the process alone or with its live descendants (Icinga 2 works in a child of the process it starts; the load
 * generator's children are the servers, counted on their own).
 */
final class ProcessCpu {

    // /proc/<pid>/stat counts in USER_HZ, which Linux fixes at 100 for user space
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> pids;
    private final Map<String, Long> ticksAtStart = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();

    private final boolean withDescendants;

    private ProcessCpu(Map<String, Long> pids, boolean withDescendants) {
        this.pids = pids;
        this.withDescendants = withDescendants;
        pids.forEach((name, pid) -> ticksAtStart.put(name, ticks(pid)));
    }

    /** @param pids process name to PID, in the order to print them */
    static ProcessCpu start(Map<String, Long> pids) {
        return new ProcessCpu(pids, false);
    }

    /** Each process with its descendants. */
    static ProcessCpu startWithDescendants(Map<String, Long> pids) {
        return new ProcessCpu(pids, true);
    }

    /** e.g. "WildFly 1.15, carbon 0.45" cores since the start. */
    String cores() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        StringJoiner text = new StringJoiner(", ");
        pids.forEach((name, pid) -> text.add(String.format(Locale.ROOT, "%s %.2f", name,
                (ticks(pid) - ticksAtStart.get(name)) / TICKS_PER_SECOND / seconds)));
        return text + " cores";
    }

    /**
     * Milliseconds of CPU the process took since the start, per item it handled: with {@code items} the check results
     * of a phase, read once their last point is delivered, it is the CPU per check result from POST to delivery.
     */
    double millisPer(String name, long items) {
        return (ticks(pids.get(name)) - ticksAtStart.get(name)) * 1000 / TICKS_PER_SECOND / items;
    }

    private long ticks(long pid) {
        long descendants = withDescendants
                ? ProcessHandle.of(pid).map(process -> process.descendants().mapToLong(child -> ownTicks(child.pid())).sum()).orElse(0L)
                : 0;
        return ownTicks(pid) + descendants;
    }

    /** utime + stime; 0 for a process that is gone. */
    private static long ownTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name in parentheses may hold spaces: count the fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
