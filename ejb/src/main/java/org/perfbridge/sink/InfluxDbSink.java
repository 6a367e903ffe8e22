package org.perfbridge.sink;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executor;

/** InfluxDB 1.x over its HTTP API: line protocol to {@code /write}, the database created when missing. */
public final class InfluxDbSink implements Sink {

    private final HttpClient http;
    private final URI base;
    private final String database;
    private final String authorization;
    private final Duration writeTimeout;
    private volatile boolean databaseCreated;

    public InfluxDbSink(String host, int port, boolean https, String login, String password, String database,
                        int connectTimeoutMs, int writeTimeoutMs, Executor httpThreads) {
        this.http = httpClient(Duration.ofMillis(connectTimeoutMs), httpThreads);
        this.base = URI.create((https ? "https://" : "http://") + host + ":" + port);
        this.database = database;
        // Basic auth rather than u/p query parameters keeps the password out of URLs and access logs.
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.writeTimeout = Duration.ofMillis(writeTimeoutMs);
    }

    /**
     * The client's selector thread takes the creating thread's context class loader, this deployment's, and would
     * keep it after an undeploy until the client is collected; it gets none. Its work runs on {@link SinkThreads}.
     */
    private static HttpClient httpClient(Duration connectTimeout, Executor httpThreads) {
        Thread creator = Thread.currentThread();
        ClassLoader deployment = creator.getContextClassLoader();
        creator.setContextClassLoader(null);
        try {
            return HttpClient.newBuilder().connectTimeout(connectTimeout).executor(httpThreads).build();
        } finally {
            creator.setContextClassLoader(deployment);
        }
    }

    /** Ends the client's threads at once where the JDK can (21 and later); before, they end once it is collected. */
    void close() {
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // nothing is waiting on this client any more
            }
        }
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
        HttpResponse<String> response = post(lines);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return;
        }
        if (status != 400 && status != 413) {
            throw new SinkUnavailableException("InfluxDB at " + base + " answered " + status + ": " + response.body().strip());
        }
        if (samples.size() == 1) {
            rejected.add(new RejectedSample(samples.get(0), "InfluxDB answered " + status + ": " + response.body().strip()));
            return;
        }
        int half = samples.size() / 2;
        writeSplittingRejects(samples.subList(0, half), rejected);
        writeSplittingRejects(samples.subList(half, samples.size()), rejected);
    }

    private HttpResponse<String> post(byte[] lines) throws SinkUnavailableException {
        if (!databaseCreated) {
            createDatabase();
        }
        HttpResponse<String> response = sendWrite(lines);
        if (response.statusCode() == 404) {
            createDatabase();
            response = sendWrite(lines);
        }
        return response;
    }

    private HttpResponse<String> sendWrite(byte[] lines) throws SinkUnavailableException {
        return send(HttpRequest.newBuilder(uri("/write?db=" + encode(database) + "&precision=s"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(lines)));
    }

    @Override
    public void checkConnection() throws SinkUnavailableException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/ping")).GET());
        if (response.statusCode() / 100 != 2) {
            throw new SinkUnavailableException("InfluxDB at " + base + " answered " + response.statusCode() + " to ping");
        }
    }

    private void createDatabase() throws SinkUnavailableException {
        String statement = "CREATE DATABASE \"" + database.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + encode(statement))));
        if (response.statusCode() / 100 != 2) {
            throw new SinkUnavailableException("InfluxDB at " + base + " could not create database " + database
                    + ": " + response.statusCode() + " " + response.body().strip());
        }
        databaseCreated = true;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws SinkUnavailableException {
        try {
            return http.send(request.header("Authorization", authorization).timeout(writeTimeout).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SinkUnavailableException("InfluxDB at " + base + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SinkUnavailableException("interrupted while writing to InfluxDB at " + base, e);
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
