package org.perfbridge.benchmarks;

import java.util.ArrayList;
import java.util.List;
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
import org.perfbridge.perfdata.PerfMetric;
import org.perfbridge.perfdata.PerfdataParser;
import org.perfbridge.sink.GraphitePickleEncoder;
import org.perfbridge.sink.InfluxLineProtocolEncoder;
import org.perfbridge.sink.MetricSample;

/**
 * Throughput of the sink encoders on one thread, encoding a batch of {@value #SAMPLES} samples per operation.
 *
 * <p>The primary score is batches per second ({@code ops/s}); the secondary result {@code metrics} is samples
 * (metrics) encoded per second, {@code bytes} the encoded bytes per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class EncoderBenchmark {

    public static final int SAMPLES = 1000;

    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Metrics {
        /** Samples encoded; JMH reports it per second. */
        public long metrics;
        /** Bytes produced; JMH reports it per second. */
        public long bytes;

        @Setup(Level.Iteration)
        public void clear() {
            metrics = 0;
            bytes = 0;
        }
    }

    private List<MetricSample> samples;
    private String prefix;

    /**
     * 1000 samples from 100 hosts with 10 checks each (every tenth a host check), the metrics taken in turn from
     * the parser benchmark's ping, disk and 20-metric strings, so every path and field kind occurs.
     */
    @Setup
    public void setUp() {
        List<PerfMetric> pool = new ArrayList<>();
        pool.addAll(PerfdataParser.parse(PerfdataParserBenchmark.PING).metrics());
        pool.addAll(PerfdataParser.parse(PerfdataParserBenchmark.DISK).metrics());
        pool.addAll(PerfdataParser.parse(PerfdataParserBenchmark.TWENTY).metrics());
        samples = new ArrayList<>(SAMPLES);
        long timestamp = 1_795_585_686L;
        for (int i = 0; i < SAMPLES; i++) {
            String host = "srv-" + (i / 10) + ".example.org";
            String service = i % 10 == 0 ? null : "check " + (i % 10);
            samples.add(new MetricSample("All.Europe", host, service, timestamp + i, pool.get(i % pool.size())));
        }
        samples = List.copyOf(samples);
        prefix = "perfbridge";
    }

    @Benchmark
    public byte[] graphitePickle(Metrics counter) {
        byte[] encoded = GraphitePickleEncoder.encode(prefix, samples);
        counter.metrics += SAMPLES;
        counter.bytes += encoded.length;
        return encoded;
    }

    @Benchmark
    public byte[] influxLineProtocol(Metrics counter) {
        byte[] encoded = InfluxLineProtocolEncoder.encode(samples);
        counter.metrics += SAMPLES;
        counter.bytes += encoded.length;
        return encoded;
    }
}
