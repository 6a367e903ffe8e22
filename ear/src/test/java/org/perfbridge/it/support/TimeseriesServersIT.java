package org.perfbridge.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Proves the real InfluxDB and carbon-cache can be driven from tests (no application involved). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimeseriesServersIT {

    @Test
    @Order(1)
    void influxDbWriteQueryAndSurviveRestart() throws Exception {
        InfluxDbServer influx = TimeseriesServers.influxDb();
        assertTrue(influx.isRunning());
        assertEquals(TimeseriesServers.INFLUXDB_HTTP_PORT, influx.port());

        long ts = System.currentTimeMillis() / 1000 - 5;
        influx.createDatabase("x");                                   // POST /query?q=CREATE DATABASE "x"
        influx.write("x", "cpu,host=h1 value=42.5 " + ts);           // POST /write?db=x&precision=s

        List<List<Object>> rows = influx.awaitRows("x", "SELECT value FROM cpu", 1, Duration.ofSeconds(10));
        assertEquals(1, rows.size(), () -> "rows: " + rows);
        assertEquals(ts, ((Number) rows.get(0).get(0)).longValue());
        assertEquals(42.5, ((Number) rows.get(0).get(1)).doubleValue());
        assertEquals(List.of("time", "value"), influx.seriesColumns("x", "SELECT value FROM cpu"));
        assertEquals(Map.of("host", "h1"),
                influx.querySeries("x", "SELECT value FROM cpu GROUP BY host").get(0).tags());

        influx.stop();
        assertFalse(influx.isRunning());
        IOException refused = assertThrows(IOException.class, () -> influx.write("x", "cpu value=1 " + ts));
        assertTrue(refused instanceof ConnectException || refused.getCause() instanceof ConnectException,
                () -> "expected connection refused, got " + refused);

        influx.start();
        assertTrue(influx.isRunning());
        List<List<Object>> again = influx.query("x", "SELECT value FROM cpu");
        assertEquals(1, again.size(), () -> "rows after restart: " + again);
        assertEquals(ts, ((Number) again.get(0).get(0)).longValue());
        assertEquals(42.5, ((Number) again.get(0).get(1)).doubleValue());
    }

    @Test
    @Order(2)
    void carbonLineAndPickleEndUpInWhisper() throws Exception {
        CarbonServer carbon = TimeseriesServers.carbon();
        assertTrue(carbon.isRunning());
        long now = System.currentTimeMillis() / 1000;

        // plaintext protocol
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", TimeseriesServers.CARBON_LINE_PORT), 5000);
            s.getOutputStream().write(("some.metric 42.5 " + now + "\n").getBytes(StandardCharsets.UTF_8));
        }

        // pickle protocol 2, bytes written by hand: [("pickled.metric", (now - 1, 7.25))]
        byte[] path = "pickled.metric".getBytes(StandardCharsets.UTF_8);
        ByteBuffer p = ByteBuffer.allocate(64);
        p.put((byte) 0x80).put((byte) 0x02);                      // PROTO 2
        p.put((byte) ']').put((byte) '(');                        // EMPTY_LIST, MARK
        p.put((byte) 'X').order(ByteOrder.LITTLE_ENDIAN).putInt(path.length).put(path);  // BINUNICODE
        p.put((byte) 'J').order(ByteOrder.LITTLE_ENDIAN).putInt((int) (now - 1));        // BININT
        p.put((byte) 'G').order(ByteOrder.BIG_ENDIAN).putDouble(7.25);                  // BINFLOAT
        p.put((byte) 0x86).put((byte) 0x86);                      // TUPLE2, TUPLE2
        p.put((byte) 'e').put((byte) '.');                        // APPENDS, STOP
        byte[] pickle = new byte[p.position()];
        p.flip().get(pickle);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", TimeseriesServers.CARBON_PICKLE_PORT), 5000);
            OutputStream out = s.getOutputStream();
            out.write(ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(pickle.length).array());
            out.write(pickle);
        }

        long t0 = System.nanoTime();
        Map<Long, Double> line = carbon.awaitDatapoints("some.metric", now - 10, now, 1, Duration.ofSeconds(20));
        Map<Long, Double> pickled = carbon.awaitDatapoints("pickled.metric", now - 10, now, 1, Duration.ofSeconds(20));
        System.out.println("whisper datapoints visible after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertEquals(Map.of(now, 42.5), line);
        assertEquals(Map.of(now - 1, 7.25), pickled);
        assertTrue(carbon.metricPaths().containsAll(List.of("pickled.metric", "some.metric")),
                () -> "metrics: " + carbon.metricPaths());
        assertTrue(carbon.fetch("does.not.exist", now - 10, now).isEmpty());

        // the helper sender works too, and data survives a carbon restart
        carbon.sendLines("some.metric 43.5 " + (now - 2));
        assertEquals(2, carbon.awaitDatapoints("some.metric", now - 10, now, 2, Duration.ofSeconds(20)).size());
        // stop() right after sending: stop() first lets carbon write its cache (carbon itself would drop it)
        carbon.sendLines("some.metric 44.5 " + (now - 3));
        carbon.stop();
        assertFalse(carbon.isRunning());
        carbon.start();
        assertEquals(Map.of(now - 3, 44.5, now - 2, 43.5, now, 42.5), carbon.fetch("some.metric", now - 10, now));
    }
}
