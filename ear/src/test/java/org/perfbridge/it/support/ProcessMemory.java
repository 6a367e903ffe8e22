package org.perfbridge.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The memory of a JVM the benchmark started: resident set from /proc, heap through the JDK's jcmd and jstat. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** VmRSS: resident now. */
    public static long rssKiB(long pid) throws IOException {
        return statusKiB(pid, "VmRSS:");
    }

    /** VmHWM: the most that was resident at once. */
    public static long peakRssKiB(long pid) throws IOException {
        return statusKiB(pid, "VmHWM:");
    }

    /**
     * The heap in use right after a full collection ({@code jcmd GC.run}, then the used columns of {@code jstat -gc}:
     * survivors, eden and old generation), which is what the live data takes whatever the collector.
     */
    public static long heapAfterFullGcKiB(long pid) throws IOException, InterruptedException {
        run(jdkTool("jcmd"), String.valueOf(pid), "GC.run");
        Map<String, Double> gc = jstatGc(pid);
        return Math.round(gc.get("S0U") + gc.get("S1U") + gc.get("EU") + gc.get("OU"));
    }

    /**
     * Metaspace in use after full collections (the {@code MU} column of {@code jstat -gc}). Class loaders are freed by a
     * collection that finds them unreachable; threads that held one (an HTTP client's selector, say) may end only
     * after the first, so this collects three times, a few seconds apart.
     */
    public static long metaspaceAfterFullGcKiB(long pid) throws IOException, InterruptedException {
        for (int i = 0; i < 3; i++) {
            run(jdkTool("jcmd"), String.valueOf(pid), "GC.run");
            Thread.sleep(4000);
        }
        run(jdkTool("jcmd"), String.valueOf(pid), "GC.run");
        return Math.round(jstatGc(pid).get("MU"));
    }

    /** {@code jstat -gc}: each column's name and value, in KiB. */
    private static Map<String, Double> jstatGc(long pid) throws IOException, InterruptedException {
        List<String> lines = run(jdkTool("jstat"), "-gc", String.valueOf(pid)).lines().filter(line -> !line.isBlank()).toList();
        String[] names = lines.get(0).trim().split("\\s+");
        String[] values = lines.get(1).trim().split("\\s+");
        Map<String, Double> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (values[i].matches("[0-9.]+")) {
                columns.put(names[i], Double.parseDouble(values[i]));
            }
        }
        return columns;
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
