package org.perfbridge.it.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The memory of a JVM the benchmark started: resident set from /proc, heap through the JDK's jcmd and jstat. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** VmRSS: resident now. */
    static long rssKiB(long pid) throws IOException {
        return statusKiB(pid, "VmRSS:");
    }

    /** VmHWM: the most that was resident at once. */
    static long peakRssKiB(long pid) throws IOException {
        return statusKiB(pid, "VmHWM:");
    }

    /**
     * The heap in use right after a full collection ({@code jcmd GC.run}, then the used columns of {@code jstat -gc}:
     * survivors, eden and old generation), which is what the live data takes whatever the collector.
     */
    static long heapAfterFullGcKiB(long pid) throws IOException, InterruptedException {
        run(jdkTool("jcmd"), String.valueOf(pid), "GC.run");
        List<String> lines = run(jdkTool("jstat"), "-gc", String.valueOf(pid)).lines().filter(line -> !line.isBlank()).toList();
        List<String> names = List.of(lines.get(0).trim().split("\\s+"));
        String[] values = lines.get(1).trim().split("\\s+");
        double used = 0;
        for (String column : List.of("S0U", "S1U", "EU", "OU")) {
            used += Double.parseDouble(values[names.indexOf(column)]);
        }
        return Math.round(used);
    }

    private static long statusKiB(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String jdkTool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(tool) ? tool.toString() : name;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
