package org.perfbridge.sink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.perfbridge.sink.SinkSamples.hostCheck;
import static org.perfbridge.sink.SinkSamples.metric;
import static org.perfbridge.sink.SinkSamples.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.perfbridge.perfdata.PerfMetric;
import org.perfbridge.perfdata.Threshold;

class GraphitePickleEncoderTest {

    /** A decoded pickle 2-tuple. */
    record Tuple(Object first, Object second) {
    }

    private static Tuple datapoint(String path, double timestamp, double value) {
        return new Tuple(path, new Tuple(timestamp, value));
    }

    private static final List<MetricSample> SAMPLES = List.of(
            service("srv1", "cpu", metric("load1", 0.5, null, Threshold.plain(4), null, null, null)),
            hostCheck("router1", metric("rta", 42.0, "ms", null, Threshold.range(null, 1.0E-12, false), null, null)),
            new MetricSample("All.Europe", "srv2", "disk", 1_700_000_060L, metric("used", -3.25)));

    @Test
    void lengthHeaderIsTheBigEndianLengthOfThePickleBody() {
        byte[] bytes = GraphitePickleEncoder.encode("perf", SAMPLES);

        int header = ByteBuffer.wrap(bytes, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();

        assertEquals(bytes.length - 4, header);
    }

    @Test
    void bodyDecodesToPathTimestampValueTuplesInOrder() {
        // when
        byte[] bytes = GraphitePickleEncoder.encode("perf", SAMPLES);
        // then
        assertEquals(List.of(
                datapoint("perf.All.srv1.cpu.load1", 1.7E9, 0.5),
                datapoint("perf.All.srv1.cpu.load1_warning", 1.7E9, 4.0),
                datapoint("perf.All.router1.rta", 1.7E9, 42.0),
                datapoint("perf.All.router1.rta_critical_max", 1.7E9, 1.0E-12),
                datapoint("perf.All.Europe.srv2.disk.used", 1_700_000_060.0, -3.25)), MiniUnpickler.load(body(bytes)));
    }

    @Test
    void nonAsciiPathsAreUtf8WithTheirByteLength() {
        // given a prefix outside ASCII (the only part of a path that is not sanitised)
        String prefix = "métriques.графики.📈";
        // when
        byte[] bytes = GraphitePickleEncoder.encode(prefix, List.of(hostCheck("router1", metric("rta", 1.0))));
        // then
        assertEquals(List.of(datapoint(prefix + ".All.router1.rta", 1.7E9, 1.0)), MiniUnpickler.load(body(bytes)));
    }

    @Test
    void singleDatapointHasTheExactOpcodeSequence() {
        byte[] bytes = GraphitePickleEncoder.encode(null, List.of(hostCheck("h", metric("m", 1.0))));

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {0, 0, 0, 38});                 // length header, big-endian
        expected.writeBytes(new byte[] {(byte) 0x80, 2, ']', '('});      // PROTO 2, EMPTY_LIST, MARK
        expected.writeBytes(new byte[] {'X', 7, 0, 0, 0});              // BINUNICODE, length little-endian
        expected.writeBytes("All.h.m".getBytes(UTF_8));
        expected.writeBytes(new byte[] {'G', 0x41, (byte) 0xD9, 0x54, (byte) 0xFC, 0x40, 0, 0, 0}); // 1.7E9
        expected.writeBytes(new byte[] {'G', 0x3F, (byte) 0xF0, 0, 0, 0, 0, 0, 0});         // 1.0
        expected.writeBytes(new byte[] {(byte) 0x86, (byte) 0x86, 'e', '.'});               // TUPLE2 TUPLE2 APPENDS STOP
        assertArrayEquals(expected.toByteArray(), bytes);
    }

    @Test
    void noSamplesGiveAnEmptyList() {
        byte[] bytes = GraphitePickleEncoder.encode("perf", List.of());

        assertArrayEquals(new byte[] {0, 0, 0, 6, (byte) 0x80, 2, ']', '(', 'e', '.'}, bytes);
        assertEquals(List.of(), MiniUnpickler.load(body(bytes)));
    }

    @Test
    void metricWithoutNumbersAddsNoTuple() {
        PerfMetric undetermined = metric("users", null);

        byte[] bytes = GraphitePickleEncoder.encode(null, List.of(service("s", "u", undetermined), hostCheck("h", metric("m", 2.0))));

        assertEquals(List.of(datapoint("All.h.m", 1.7E9, 2.0)), MiniUnpickler.load(body(bytes)));
    }

    @Test
    void pythonPickleReadsTheSameList() throws Exception {
        Assumptions.assumeTrue(pythonAvailable(), "python3 is not on PATH");
        // given
        byte[] bytes = GraphitePickleEncoder.encode("métriques", SAMPLES);
        // when
        String repr = runPython(bytes);
        // then
        assertEquals("[('métriques.All.srv1.cpu.load1', (1700000000.0, 0.5)), "
                + "('métriques.All.srv1.cpu.load1_warning', (1700000000.0, 4.0)), "
                + "('métriques.All.router1.rta', (1700000000.0, 42.0)), "
                + "('métriques.All.router1.rta_critical_max', (1700000000.0, 1e-12)), "
                + "('métriques.All.Europe.srv2.disk.used', (1700000060.0, -3.25))]", repr);
    }

    @Test
    void pythonPickleReadsNonBmpCharacters() throws Exception {
        Assumptions.assumeTrue(pythonAvailable(), "python3 is not on PATH");

        String repr = runPython(GraphitePickleEncoder.encode("графики.📈", List.of(hostCheck("h", metric("m", 0.08)))));

        assertEquals("[('графики.📈.All.h.m', (1700000000.0, 0.08))]", repr);
    }

    private static byte[] body(byte[] bytes) {
        int length = ByteBuffer.wrap(bytes, 0, 4).getInt();
        assertEquals(bytes.length - 4, length, "length header");
        byte[] body = new byte[length];
        System.arraycopy(bytes, 4, body, 0, length);
        return body;
    }

    private static boolean pythonAvailable() {
        try {
            Process process = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String runPython(byte[] input) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("python3", "-c",
                "import pickle,sys,struct; d=sys.stdin.buffer.read(); n=struct.unpack('!L',d[:4])[0]; "
                        + "print(repr(pickle.loads(d[4:4+n])))");
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input);
        }
        byte[] out;
        byte[] err;
        try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
            out = stdout.readAllBytes();
            err = stderr.readAllBytes();
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, process.exitValue(), () -> "python3 failed: " + new String(err, UTF_8));
        return new String(out, UTF_8).strip();
    }

    /** Reads exactly the opcodes GraphitePickleEncoder writes; anything else fails the test. */
    static final class MiniUnpickler {
        private static final Object MARK = new Object();

        private MiniUnpickler() {
        }

        static Object load(byte[] pickle) {
            ByteBuffer in = ByteBuffer.wrap(pickle);
            Deque<Object> stack = new ArrayDeque<>();
            while (in.hasRemaining()) {
                int opcode = in.get() & 0xFF;
                switch (opcode) {
                    case 0x80 -> assertEquals(2, in.get(), "protocol");
                    case ']' -> stack.push(new ArrayList<>());
                    case '(' -> stack.push(MARK);
                    case 'X' -> {
                        int length = in.order(ByteOrder.LITTLE_ENDIAN).getInt();
                        in.order(ByteOrder.BIG_ENDIAN);
                        byte[] utf8 = new byte[length];
                        in.get(utf8);
                        stack.push(new String(utf8, UTF_8));
                    }
                    case 'G' -> stack.push(in.getDouble());
                    case 0x86 -> {
                        Object second = stack.pop();
                        Object first = stack.pop();
                        assertTrue(first != MARK && second != MARK, "TUPLE2 over a mark");
                        stack.push(new Tuple(first, second));
                    }
                    case 'e' -> {
                        List<Object> items = new ArrayList<>();
                        while (stack.peek() != MARK) {
                            items.add(0, stack.pop());
                        }
                        stack.pop();
                        @SuppressWarnings("unchecked")
                        List<Object> list = (List<Object>) stack.peek();
                        list.addAll(items);
                    }
                    case '.' -> {
                        assertEquals(1, stack.size(), "stack at STOP");
                        assertEquals(0, in.remaining(), "bytes after STOP");
                        return stack.pop();
                    }
                    default -> fail("unexpected opcode 0x" + Integer.toHexString(opcode));
                }
            }
            return fail("no STOP opcode");
        }
    }
}
