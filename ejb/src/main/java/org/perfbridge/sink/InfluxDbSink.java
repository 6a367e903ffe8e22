package org.perfbridge.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * InfluxDB 1.x over its HTTP API: line protocol to {@code /write}, the database created when missing.
 *
 * <p>Each request runs on the calling thread, over the JDK's kept-alive connections ({@link HttpURLConnection}). The
 * JDK's asynchronous HTTP client handed every request to its selector thread and every answer to a worker and back:
 * 1.5 of the 13.6 context switches of WildFly's threads per check result under single POSTs (ingest benchmark,
 * 2026-12-04), for a request the caller waits on anyway.
 */
public final class InfluxDbSink implements Sink {

    private record Answer(int status, String body) {
    }

    private final URI base;
    private final String database;
    private final String authorization;
    private final int connectTimeoutMs;
    private final int writeTimeoutMs;
    private volatile boolean databaseCreated;

    public InfluxDbSink(String host, int port, boolean https, String login, String password, String database,
                        int connectTimeoutMs, int writeTimeoutMs) {
        this.base = URI.create((https ? "https://" : "http://") + host + ":" + port);
        this.database = database;
        // Basic auth rather than u/p query parameters keeps the password out of URLs and access logs.
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.connectTimeoutMs = connectTimeoutMs;
        this.writeTimeoutMs = writeTimeoutMs;
    }

    @Override
    public SinkKind kind() {
        return SinkKind.INFLUXDB;
    }

    /**
     * Writes the samples in one request. InfluxDB answers 400 when some points cannot be stored (a field type
     * conflict, a point outside the retention policy) and stores the others; its answer names only the first bad
     * point, so the batch is split in halves and written again until each refused point stands alone. Writing a
     * stored point again is harmless: InfluxDB keeps one value per series and timestamp.
     */
    @Override
    public List<RejectedSample> write(List<MetricSample> samples) throws SinkUnavailableException {
        List<RejectedSample> rejected = new ArrayList<>();
        writeSplittingRejects(samples, rejected);
        return rejected;
    }

    private void writeSplittingRejects(List<MetricSample> samples, List<RejectedSample> rejected) throws SinkUnavailableException {
        byte[] lines = InfluxLineProtocolEncoder.encode(samples);
        if (lines.length == 0) {
            return;
        }
        Answer answer = post(lines);
        int status = answer.status();
        if (status / 100 == 2) {
            return;
        }
        if (status != 400 && status != 413) {
            throw new SinkUnavailableException("InfluxDB at " + base + " answered " + status + ": " + answer.body().strip());
        }
        if (samples.size() == 1) {
            rejected.add(new RejectedSample(samples.get(0), "InfluxDB answered " + status + ": " + answer.body().strip()));
            return;
        }
        int half = samples.size() / 2;
        writeSplittingRejects(samples.subList(0, half), rejected);
        writeSplittingRejects(samples.subList(half, samples.size()), rejected);
    }

    private Answer post(byte[] lines) throws SinkUnavailableException {
        if (!databaseCreated) {
            createDatabase();
        }
        Answer answer = sendWrite(lines);
        if (answer.status() == 404) {
            createDatabase();
            answer = sendWrite(lines);
        }
        return answer;
    }

    private Answer sendWrite(byte[] lines) throws SinkUnavailableException {
        return send("POST", "/write?db=" + encode(database) + "&precision=s", "text/plain; charset=utf-8", lines);
    }

    @Override
    public void checkConnection() throws SinkUnavailableException {
        Answer answer = send("GET", "/ping", null, null);
        if (answer.status() / 100 != 2) {
            throw new SinkUnavailableException("InfluxDB at " + base + " answered " + answer.status() + " to ping");
        }
    }

    private void createDatabase() throws SinkUnavailableException {
        String statement = "CREATE DATABASE \"" + database.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        Answer answer = send("POST", "/query", "application/x-www-form-urlencoded",
                ("q=" + encode(statement)).getBytes(StandardCharsets.UTF_8));
        if (answer.status() / 100 != 2) {
            throw new SinkUnavailableException("InfluxDB at " + base + " could not create database " + database
                    + ": " + answer.status() + " " + answer.body().strip());
        }
        databaseCreated = true;
    }

    /** One request; the answer's body is read whole, so that the JDK can keep the connection for the next one. */
    private Answer send(String method, String pathAndQuery, String contentType, byte[] body) throws SinkUnavailableException {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri(pathAndQuery).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(connectTimeoutMs);
            connection.setReadTimeout(writeTimeoutMs);
            connection.setUseCaches(false);
            connection.setRequestProperty("Authorization", authorization);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                connection.setRequestProperty("Content-Type", contentType);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new SinkUnavailableException("InfluxDB at " + base + ": " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
