package org.perfbridge.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.perfbridge.perfdata.ParsedPerfdata;
import org.perfbridge.perfdata.PerfdataParser;

/**
 * Time to parse one 1 MB perfdata string, well-formed or hostile, to show the parser is linear in its input
 * (the target is well under a second). Milliseconds per parse.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class PerfdataParserLargeInputBenchmark {

    private static final int ONE_MB = 1 << 20;

    @Param({"metrics", "unterminatedQuotes", "garbage"})
    public String kind;

    private String input;

    @Setup
    public void setUp() {
        String unit = switch (kind) {
            case "metrics" -> PerfdataParserBenchmark.PING + " ";
            case "unterminatedQuotes" -> "'a=1 'b=2 ";
            default -> "x;;=;:@~ '' | ";
        };
        StringBuilder text = new StringBuilder(ONE_MB + unit.length());
        while (text.length() < ONE_MB) {
            text.append(unit);
        }
        input = text.toString();
    }

    @Benchmark
    public ParsedPerfdata parseOneMegabyte() {
        return PerfdataParser.parse(input);
    }
}
