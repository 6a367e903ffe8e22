package org.perfbridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * For each end-to-end test that fails, appends to {@code target/it-failures.log} the warnings and errors the test
 * servers logged while it ran. A CI run shows only the tail of its output, where the test command prints this file:
 * a test that fails there says why the server did what it did, not only what the test saw.
 */
public final class FailureDigest implements BeforeTestExecutionCallback, TestWatcher {

    static final Path DIGEST = Path.of(System.getProperty("it.failure.digest", "target/it-failures.log"));
    private static final int MAX_LINES_PER_LOG = 8;
    private static final int MAX_LINE_LENGTH = 300;
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FailureDigest.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NAMESPACE).put("started", LocalDateTime.now().format(LOG_TIME));
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String started = context.getStore(NAMESPACE).get("started", String.class);
        if (started == null) {
            return;
        }
        String ended = LocalDateTime.now().format(LOG_TIME);
        List<String> digest = new ArrayList<>();
        digest.add("== " + context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                + " failed, " + started + " to " + ended + ": " + firstLine(cause.getMessage()));
        for (String home : List.of("it.wildfly.home", "it.crash.wildfly.home")) {
            String dir = System.getProperty(home);
            if (dir != null) {
                Path log = Path.of(dir, "standalone/log/server.log");
                List<String> lines = warningsBetween(log, started, ended);
                if (!lines.isEmpty()) {
                    digest.add("  " + log + ", last " + lines.size() + " warnings and errors:");
                    lines.forEach(line -> digest.add("    " + shortened(line)));
                }
            }
        }
        try {
            Files.createDirectories(DIGEST.toAbsolutePath().getParent());
            Files.write(DIGEST, digest, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server log's WARN and ERROR lines stamped within [from, to], the newest {@link #MAX_LINES_PER_LOG}. */
    static List<String> warningsBetween(Path log, String from, String to) {
        if (!Files.isReadable(log)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            lines.filter(line -> line.length() > LOG_TIME_LENGTH && isWarning(line))
                    .filter(line -> within(line.substring(0, LOG_TIME_LENGTH), from, to))
                    .forEach(found::add);
        } catch (IOException | UncheckedIOException e) {
            return List.of("(server log unreadable: " + e.getMessage() + ")");
        }
        return found.subList(Math.max(0, found.size() - MAX_LINES_PER_LOG), found.size());
    }

    private static final int LOG_TIME_LENGTH = "2026-12-04 05:47:34,601".length();

    private static boolean isWarning(String line) {
        String level = line.substring(LOG_TIME_LENGTH).stripLeading();
        return level.startsWith("WARN") || level.startsWith("ERROR") || level.startsWith("SEVERE");
    }

    private static boolean within(String stamp, String from, String to) {
        return stamp.compareTo(from) >= 0 && stamp.compareTo(to) <= 0;
    }

    private static String shortened(String line) {
        return line.length() <= MAX_LINE_LENGTH ? line : line.substring(0, MAX_LINE_LENGTH) + "...";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        return shortened(end < 0 ? message : message.substring(0, end));
    }
}
