package org.perfbridge.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** What each process sharing the machine took of its cores between {@link #start} and {@link #cores}, from /proc. */
final class ProcessCpu {

    // /proc/<pid>/stat counts in USER_HZ, which Linux fixes at 100 for user space
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Long> pids;
    private final Map<String, Long> ticksAtStart = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();

    private ProcessCpu(Map<String, Long> pids) {
        this.pids = pids;
        pids.forEach((name, pid) -> ticksAtStart.put(name, ticks(pid)));
    }

    /** @param pids process name to PID, in the order to print them */
    static ProcessCpu start(Map<String, Long> pids) {
        return new ProcessCpu(pids);
    }

    /** e.g. "WildFly 1.15, carbon 0.45" cores since the start. */
    String cores() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        StringJoiner text = new StringJoiner(", ");
        pids.forEach((name, pid) -> text.add(String.format(Locale.ROOT, "%s %.2f", name,
                (ticks(pid) - ticksAtStart.get(name)) / TICKS_PER_SECOND / seconds)));
        return text + " cores";
    }

    /** utime + stime; 0 for a process that is gone. */
    private static long ticks(long pid) {
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
