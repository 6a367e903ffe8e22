package org.perfbridge.it.bench;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * async-profiler attached to WildFly for one measured phase, when {@code bench.profiler} names its
 * {@code libasyncProfiler.so} (the Maven Central artifact {@code tools.profiler:async-profiler} carries it): CPU mode
 * with native and kernel frames and one root per thread, written as collapsed stacks to {@code bench.profile.dir} (default
 * {@code ear/target/profiles}), one file per phase. Loaded through the attach API, so WildFly starts as it always does.
 */
final class PhaseProfiler implements AutoCloseable {

    private static final String LIBRARY = System.getProperty("bench.profiler", "");
    private static final Path DIR = Path.of(System.getProperty("bench.profile.dir",
            Path.of(System.getProperty("it.work.dir", "target/bench-work")).resolveSibling("profiles").toString()));

    private final long pid;
    private final Path output;

    private PhaseProfiler(long pid, Path output) {
        this.pid = pid;
        this.output = output;
    }

    /** Starts profiling the JVM for the phase; a no-op when no profiler library is set. */
    static PhaseProfiler start(long pid, String phase) throws IOException {
        if (LIBRARY.isEmpty()) {
            return new PhaseProfiler(pid, null);
        }
        Files.createDirectories(DIR);
        Path output = DIR.resolve(String.format(Locale.ROOT, "%s-%d.collapsed", phase, System.currentTimeMillis() / 1000)).toAbsolutePath();
        attach(pid, "start,event=cpu,interval=1ms,cstack=vm,threads");
        return new PhaseProfiler(pid, output);
    }

    @Override
    public void close() throws IOException {
        if (output != null) {
            attach(pid, "stop,collapsed,file=" + output);
            System.out.println("async-profiler: " + output);
        }
    }

    private static void attach(long pid, String command) throws IOException {
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            try {
                vm.loadAgentPath(LIBRARY, command);
            } finally {
                vm.detach();
            }
        } catch (AttachNotSupportedException | AgentLoadException | AgentInitializationException e) {
            throw new IOException("async-profiler " + command + ": " + e, e);
        }
    }
}
