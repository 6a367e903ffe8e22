package org.perfbridge.sink;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Carbon's pickle protocol: a 4-byte big-endian length, then a protocol-2 pickle of
 * {@code [(path, (timestamp, value)), ...]}. Only opcodes carbon's safe unpickler accepts are used.
 */
public final class GraphitePickleEncoder {

    private static final int PROTO = 0x80;
    private static final int EMPTY_LIST = ']';
    private static final int MARK = '(';
    private static final int BINUNICODE = 'X';
    private static final int BINFLOAT = 'G';
    private static final int TUPLE2 = 0x86;
    private static final int APPENDS = 'e';
    private static final int STOP = '.';

    private GraphitePickleEncoder() {
    }

    public static byte[] encode(String prefix, List<MetricSample> samples) {
        ByteArrayOutputStream pickle = new ByteArrayOutputStream(samples.size() * 96 + 16);
        pickle.write(PROTO);
        pickle.write(2);
        pickle.write(EMPTY_LIST);
        pickle.write(MARK);
        for (MetricSample sample : samples) {
            for (Map.Entry<String, Double> datapoint : GraphiteMetricPath.datapoints(prefix, sample)) {
                writeUnicode(pickle, datapoint.getKey());
                writeFloat(pickle, sample.timestamp());
                writeFloat(pickle, datapoint.getValue());
                pickle.write(TUPLE2);
                pickle.write(TUPLE2);
            }
        }
        pickle.write(APPENDS);
        pickle.write(STOP);
        byte[] body = pickle.toByteArray();
        return ByteBuffer.allocate(4 + body.length).putInt(body.length).put(body).array();
    }

    private static void writeUnicode(ByteArrayOutputStream out, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.write(BINUNICODE);
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
        out.writeBytes(utf8);
    }

    private static void writeFloat(ByteArrayOutputStream out, double value) {
        out.write(BINFLOAT);
        out.writeBytes(ByteBuffer.allocate(8).putDouble(value).array());
    }
}
