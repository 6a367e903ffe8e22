package org.perfbridge.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.perfbridge.perfdata.ParsedPerfdata;
import org.perfbridge.perfdata.PerfdataParser;

/**
 * Throughput of {@link PerfdataParser#parse(String)} on one thread.
 *
 * <p>The primary score is parses per second ({@code ops/s}). The secondary result {@code metrics} (an
 * {@link AuxCounters} operations counter, so also in {@code ops/s}) is metrics parsed per second: the parse rate
 * times the metrics per string, counted from each result, so a parser that lost metrics would show it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class PerfdataParserBenchmark {

    /** check_ping: 2 metrics. */
    public static final String PING = "rta=0.080000ms;100.000000;500.000000;0.000000 pl=0%;20;60;0";

    /** check_disk: 5 metrics, quoted labels (one with a space), MB values, warn/crit/min/max. */
    public static final String DISK = "'/'=2643MB;5948;6692;0;7436 '/boot'=68MB;88;99;0;110"
            + " '/home'=120034MB;190000;210000;0;230000 '/var/log'=5120MB;8000;9000;0;10000"
            + " '/srv/data dir'=409600MB;800000;900000;0;1000000";

    /** 20 metrics of assorted plugins: units, counters, ranges ({@code @}, {@code ~:}, {@code 10:}), quoted labels. */
    public static final String TWENTY = "load1=0.150;5.000;10.000;0; load5=0.210;4.000;8.000;0; load15=0.300;3.000;6.000;0;"
            + " users=3;20;50;0 procs=212;250;400;0 'mem used'=71.5%;80;90;0;100 swap=0%;50;80;0;100"
            + " time=0.012345s;1.000000;5.000000;0.000000 size=1532B;;;0"
            + " 'eth0 in'=1843212c;;;0 'eth0 out'=923155c;;;0 temp=41.5;@60:70;~:75;0;120"
            + " uptime=1234567s;300:;60:;0 connections=87;200;300;0;500 threads=33;100;150"
            + " queries=12345.5;;;0 slow=2c;10;20 'db size'=10.5GB;50;80;0;100"
            + " latency=1.5e-3s;0.5;1;0 offset=-0.000123s;-1:1;-2:2";

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Metrics {
        /** Metrics parsed; JMH reports it per second. */
        public long metrics;

        @Setup(Level.Iteration)
        public void clear() {
            metrics = 0;
        }
    }

    // Non-final instance fields, so the JIT cannot treat the input as a constant.
    private String ping;
    private String disk;
    private String twenty;

    @Setup
    public void setUp() {
        ping = PING;
        disk = DISK;
        twenty = TWENTY;
        check(ping, 2);
        check(disk, 5);
        check(twenty, 20);
    }

    private static void check(String perfdata, int expectedMetrics) {
        ParsedPerfdata parsed = PerfdataParser.parse(perfdata);
        if (parsed.metrics().size() != expectedMetrics || !parsed.problems().isEmpty()) {
            throw new IllegalStateException("expected " + expectedMetrics + " metrics and no problems in "
                    + perfdata + ", got " + parsed);
        }
    }

    @Benchmark
    public ParsedPerfdata ping2(Metrics counter) {
        ParsedPerfdata parsed = PerfdataParser.parse(ping);
        counter.metrics += parsed.metrics().size();
        return parsed;
    }

    @Benchmark
    public ParsedPerfdata disk5(Metrics counter) {
        ParsedPerfdata parsed = PerfdataParser.parse(disk);
        counter.metrics += parsed.metrics().size();
        return parsed;
    }

    @Benchmark
    public ParsedPerfdata mixed20(Metrics counter) {
        ParsedPerfdata parsed = PerfdataParser.parse(twenty);
        counter.metrics += parsed.metrics().size();
        return parsed;
    }
}
