package org.perfbridge.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Context switches of a process's threads, voluntary (a thread waits: a hand-off, a lock, I/O) and not, from
 * {@code /proc/<pid>/task/<tid>/status}. Each check result crosses threads on its way to the sinks, and on this
 * project's virtual machine each switch costs kernel time: switches per check result count those crossings more
 * steadily than CPU time does.
 */
final class ContextSwitches {

    private static final Pattern THREAD = Pattern.compile("^\"(.*)\" .*nid=(0x[0-9a-f]+|[0-9]+)");

    /** Switches so far of each thread, by its id. */
    private final Map<Long, Long> byThread;

    private ContextSwitches(Map<Long, Long> byThread) {
        this.byThread = byThread;
    }

    static ContextSwitches of(long pid) {
        Map<Long, Long> byThread = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> byThread.put(Long.parseLong(task.getFileName().toString()), ofThread(task)));
        } catch (IOException gone) {
            // the process ended: nothing to count
        }
        return new ContextSwitches(byThread);
    }

    /** Switches since {@code before} of the threads alive now; threads that ended in between are not counted. */
    long since(ContextSwitches before) {
        return byThread.entrySet().stream()
                .mapToLong(thread -> thread.getValue() - before.byThread.getOrDefault(thread.getKey(), 0L)).sum();
    }

    /**
     * Switches since {@code before} by kind of thread: its Java name as {@code jcmd Thread.print} gives it, numbers
     * replaced by N ({@code default task-N}), so that a pool's threads add up.
     */
    Map<String, Long> sinceByKind(ContextSwitches before, long pid) {
        Map<Long, String> names = javaThreadNames(pid);
        Map<String, Long> byKind = new HashMap<>();
        byThread.forEach((tid, switches) -> byKind.merge(names.getOrDefault(tid, "(no Java name)"),
                switches - before.byThread.getOrDefault(tid, 0L), Long::sum));
        return byKind;
    }

    private static Map<Long, String> javaThreadNames(long pid) {
        Map<Long, String> names = new HashMap<>();
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            for (String line : new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                Matcher thread = THREAD.matcher(line);
                if (thread.find()) {
                    String nid = thread.group(2);
                    long tid = nid.startsWith("0x") ? Long.parseLong(nid.substring(2), 16) : Long.parseLong(nid);
                    names.put(tid, thread.group(1).replaceAll("[0-9]+", "N"));
                }
            }
            jcmd.waitFor();
        } catch (IOException e) {
            System.out.println("jcmd Thread.print: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return names;
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
