package org.perfbridge.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Context switches of a process's threads, voluntary (a thread waits: a hand-off, a lock, I/O) and not, from
 * {@code /proc/<pid>/task/<tid>/status}. Each check result crosses threads on its way to the sinks, and on this
 * project's virtual machine each switch costs kernel time: switches per check result count those crossings more
 * steadily than CPU time does. Threads that ended in between are not counted.
 */
final class ContextSwitches {

    private ContextSwitches() {
    }

    static long of(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.mapToLong(ContextSwitches::ofThread).sum();
        } catch (IOException gone) {
            return 0;
        }
    }

    private static long ofThread(Path task) {
        try (Stream<String> lines = Files.lines(task.resolve("status"))) {
            return lines.filter(line -> line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches"))
                    .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip())).sum();
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
