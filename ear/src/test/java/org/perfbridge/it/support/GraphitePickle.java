package org.perfbridge.it.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hand-written encoder for Graphite's pickle receiver format: a 4-byte big-endian length header followed by
 * a pickle (protocol 2) of {@code [(path, (timestamp, value)), ...]}.
 *
 * <pre>
 * \x80\x02            PROTO 2
 * ]                   EMPTY_LIST
 * (                   MARK
 *   per datapoint:
 *   X len(LE u32) utf8  BINUNICODE path
 *   J ts(LE s32)        BININT timestamp
 *   G value(BE f64)     BINFLOAT value
 *   \x86                TUPLE2 (timestamp, value)
 *   \x86                TUPLE2 (path, (timestamp, value))
 * e                   APPENDS
 * .                   STOP
 * </pre>
 *
 * Carbon (USE_INSECURE_UNPICKLER = False) unpickles this with its safe unpickler: only builtins are used.
 */
public final class GraphitePickle {

    /** One Graphite datapoint. */
    public record Datapoint(String path, long timestamp, double value) {
    }

    private GraphitePickle() {
    }

    /** Pickle bytes (no length header). */
    public static byte[] pickle(List<Datapoint> datapoints) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80);
        out.write(0x02);          // PROTO 2
        out.write(']');           // EMPTY_LIST
        out.write('(');           // MARK
        for (Datapoint d : datapoints) {
            byte[] path = d.path().getBytes(StandardCharsets.UTF_8);
            out.write('X');       // BINUNICODE
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(path.length).array());
            out.writeBytes(path);
            if (d.timestamp() < Integer.MIN_VALUE || d.timestamp() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("timestamp does not fit BININT: " + d.timestamp());
            }
            out.write('J');       // BININT
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) d.timestamp()).array());
            out.write('G');       // BINFLOAT
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(d.value()).array());
            out.write(0x86);      // TUPLE2 (timestamp, value)
            out.write(0x86);      // TUPLE2 (path, (...))
        }
        out.write('e');           // APPENDS
        out.write('.');           // STOP
        return out.toByteArray();
    }

    /** Length header (4 bytes, big-endian) + pickle: exactly what goes onto the pickle receiver's TCP stream. */
    public static byte[] frame(List<Datapoint> datapoints) {
        byte[] p = pickle(datapoints);
        return ByteBuffer.allocate(4 + p.length).order(ByteOrder.BIG_ENDIAN).putInt(p.length).put(p).array();
    }
}
