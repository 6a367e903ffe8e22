package org.perfbridge.it.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.perfbridge.it.support.InfluxDbServer;

/**
 * When each point of a measurement is in InfluxDB: an InfluxDB subscription forwards every point it has written to
 * this HTTP endpoint, which notes the arrival time under the point's value (the benchmark sends a sequence number as
 * the value). Only for the benchmark's latency phase.
 */
final class InfluxDbArrivals implements AutoCloseable {

    private final Map<Long, Long> arrivalNanos = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final InfluxDbServer influx;
    private final String database;
    private final String measurementPrefix;

    InfluxDbArrivals(InfluxDbServer influx, String database, String measurement, int port) throws IOException {
        this.influx = influx;
        this.database = database;
        this.measurementPrefix = measurement + ",";
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            long now = System.nanoTime();
            try (InputStream body = exchange.getRequestBody()) {
                note(new String(body.readAllBytes(), StandardCharsets.UTF_8), now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        influx.execute("CREATE SUBSCRIPTION \"bench\" ON \"" + database + "\".\"autogen\" DESTINATIONS ALL 'http://127.0.0.1:" + port + "'");
    }

    /** Lines like {@code steadyrta,host=…,service=… value=1234 1700000000}: the value is the sequence number. */
    private void note(String lines, long now) {
        for (String line : lines.split("\n")) {
            if (line.startsWith(measurementPrefix)) {
                int value = line.indexOf(" value=");
                if (value > 0) {
                    int end = line.indexOf(' ', value + 7);
                    String number = line.substring(value + 7, end < 0 ? line.length() : end).replace("i", "");
                    arrivalNanos.putIfAbsent((long) Double.parseDouble(number), now);
                }
            }
        }
    }

    Long arrival(long sequence) {
        return arrivalNanos.get(sequence);
    }

    int count() {
        return arrivalNanos.size();
    }

    @Override
    public void close() throws IOException {
        influx.execute("DROP SUBSCRIPTION \"bench\" ON \"" + database + "\".\"autogen\"");
        server.stop(0);
        threads.shutdownNow();
    }
}
