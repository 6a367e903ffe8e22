package org.perfbridge.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

    /** Used survivors, eden and old generation after a full collection: what the live data takes, whatever the collector. */
    public static long heapAfterFullGcKiB(long pid) {
        Map<String, Double> gc = jstatGcAfterFullGc(pid);
        return Math.round(gc.get("S0U") + gc.get("S1U") + gc.get("EU") + gc.get("OU"));
    }

    /**
     * Class loaders are freed by a collection that finds them unreachable; threads that held one (an HTTP client's selector,
     * say) may end only after the first, so this collects three times, a few seconds apart, before the one it measures after.
     */
    public static long metaspaceAfterFullGcKiB(long pid) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            PackagedServer.run(new ProcessBuilder(jdkTool("jcmd"), String.valueOf(pid), "GC.run"));
            Thread.sleep(4000);
        }
        return Math.round(jstatGcAfterFullGc(pid).get("MU"));
    }

    private static Map<String, Double> jstatGcAfterFullGc(long pid) {
        PackagedServer.run(new ProcessBuilder(jdkTool("jcmd"), String.valueOf(pid), "GC.run"));
        String[] lines = PackagedServer.run(new ProcessBuilder(jdkTool("jstat"), "-gc", String.valueOf(pid))).trim().split("\n");
        String[] names = lines[0].trim().split("\\s+");
        String[] values = lines[1].trim().split("\\s+");
        return IntStream.range(0, names.length).filter(i -> values[i].matches("[0-9.]+")).boxed()
                .collect(Collectors.toMap(i -> names[i], i -> Double.parseDouble(values[i])));
    }

    private static long statusKiB(long pid, String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(line -> line.startsWith(field))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(-1);
    }

    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
