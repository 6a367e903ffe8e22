package org.perfbridge.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The API of the crash-test server (its HTTP port 8380) as the benchmarks call it: the admin user of
 * ear/src/test/wildfly/test-users.txt, HTTP/1.1 keep-alive connections, one client shared by every thread.
 */
final class PerfbridgeHttp {

    static final String API = "http://127.0.0.1:8380/api";
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("it-admin:It-admin-pass-1".getBytes(StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration requestTimeout;

    /** Requests wait for their answer as long as it takes. */
    PerfbridgeHttp() {
        this.requestTimeout = null;
    }

    /** A request not answered within the timeout fails with {@link java.net.http.HttpTimeoutException}. */
    PerfbridgeHttp(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postNothing(String path) throws IOException, InterruptedException {
        return http.send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sink's part of {@code GET /api/status}. */
    JsonObject sinkStatus(String sink) throws IOException, InterruptedException {
        String body = get("/status").body();
        return json(body).getJsonArray("sinks").getValuesAs(JsonObject.class).stream()
                .filter(status -> status.getString("name").equals(sink)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sink " + sink + " in the status: " + body));
    }

    /** {@code queue.messages_added} of {@code GET /api/status}: the JMS messages queued since the server started. */
    long messagesQueued() throws IOException, InterruptedException {
        return json(get("/status").body()).getJsonObject("queue").getJsonNumber("messages_added").longValue();
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(API + pathAndQuery)).header("Authorization", AUTH);
        return requestTimeout == null ? request : request.timeout(requestTimeout);
    }
}
