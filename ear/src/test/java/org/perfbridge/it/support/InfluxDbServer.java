package org.perfbridge.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A real InfluxDB 1.x (Debian package {@code influxdb}, or {@code -Dit.influxd.bin}) with its HTTP API, plain or over TLS,
 * and its RPC service on the HTTP port + 2. Helpers that write throw {@link IOException} ({@link java.net.ConnectException}
 * when the server is down), helpers that read unchecked exceptions.
 */
public final class InfluxDbServer extends PackagedServer {

    /** Numbers are {@code Long} when integral (InfluxDB prints 42.0 as 42), else {@code Double}. */
    public record Series(String name, Map<String, String> tags, List<String> columns, List<List<Object>> values) {
    }

    private final int httpPort;
    private final Path tlsCertificate;
    private final Path tlsKey;
    private final WebTarget api;

    private InfluxDbServer(Path workDir, int httpPort, Path tlsCertificate, Path tlsKey) {
        super("influxd", workDir, "influxdb.conf", List.of("meta", "data", "wal"), Duration.ofSeconds(30), httpPort, httpPort + 2);
        this.httpPort = httpPort;
        this.tlsCertificate = tlsCertificate;
        this.tlsKey = tlsKey;
        ClientBuilder client = ClientBuilder.newBuilder().connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS);
        if (tlsCertificate != null) {
            client.sslContext(trusting(tlsCertificate));
        }
        api = client.build().target((tlsCertificate == null ? "http://" : "https://") + LOOPBACK + ":" + httpPort);
    }

    public static InfluxDbServer at(Path workDir, int httpPort) {
        return new InfluxDbServer(workDir, httpPort, null, null);
    }

    public static InfluxDbServer overTls(Path workDir, int httpsPort, Path pemCertificate, Path pemKey) {
        return new InfluxDbServer(workDir, httpsPort, pemCertificate.toAbsolutePath(), pemKey.toAbsolutePath());
    }

    public int port() {
        return httpPort;
    }

    @Override
    ProcessBuilder prepare(Path config) throws IOException {
        Files.writeString(config, config());
        ProcessBuilder command = new ProcessBuilder(System.getProperty("it.influxd.bin", "/usr/bin/influxd"), "-config", config.toString());
        // influxd maps INFLUXDB_* variables onto config keys: the caller's must not leak in
        command.environment().keySet().removeIf(variable -> variable.startsWith("INFLUXDB_"));
        return command;
    }

    private String config() {
        return """
                # Debian's build knows 'reporting-enabled', upstream 'reporting-disabled'; unknown keys are ignored
                reporting-enabled = false
                reporting-disabled = true
                bind-address = "127.0.0.1:%2$d"
                [meta]
                  dir = "%1$s/meta"
                  retention-autocreate = true
                  logging-enabled = false
                [data]
                  dir = "%1$s/data"
                  wal-dir = "%1$s/wal"
                  wal-fsync-delay = "0s"
                  query-log-enabled = false
                [monitor]
                  store-enabled = false
                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%3$d"
                  auth-enabled = false
                  log-enabled = false
                  pprof-enabled = false
                  unix-socket-enabled = false
                  https-enabled = %4$s
                  https-certificate = "%5$s"
                  https-private-key = "%6$s"
                [ifql]
                  enabled = false
                [logging]
                  level = "warn"
                  suppress-logo = true
                [continuous_queries]
                  log-enabled = false
                [subscriber]
                  enabled = true
                """.formatted(workDir, httpPort + 2, httpPort, tlsCertificate != null, tlsCertificate == null ? "" : tlsCertificate,
                tlsKey == null ? "" : tlsKey);
    }

    public void write(String database, String lineProtocol) throws IOException {
        write(database, "s", lineProtocol);
    }

    public void write(String database, String precision, String lineProtocol) throws IOException {
        post("write to " + database, api.path("write").queryParam("db", database).queryParam("precision", precision),
                Entity.text(lineProtocol));
    }

    public void execute(String influxQl) throws IOException {
        post(influxQl, api.path("query"), Entity.form(new Form("q", influxQl)));
    }

    public void createDatabase(String database) throws IOException {
        execute("CREATE DATABASE \"" + database.replace("\"", "\\\"") + "\"");
    }

    /** The first statement's series, times in epoch seconds; an error InfluxDB reports ("database not found") is thrown. */
    public List<Series> querySeries(String database, String influxQl) {
        JsonObject answer;
        try {
            answer = post(influxQl + " on " + database, api.path("query"),
                    Entity.form(new Form("q", influxQl).param("db", database).param("epoch", "s")));
        } catch (IOException e) {
            throw new UncheckedIOException("InfluxDB at " + api.getUri() + " not reachable: " + e, e);
        }
        return answer.getJsonArray("results").getJsonObject(0).getOrDefault("series", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()
                .getValuesAs(JsonObject.class).stream().map(InfluxDbServer::series).toList();
    }

    private static Series series(JsonObject json) {
        Map<String, String> tags = new LinkedHashMap<>();
        json.getOrDefault("tags", JsonValue.EMPTY_JSON_OBJECT).asJsonObject()
                .forEach((tag, value) -> tags.put(tag, ((JsonString) value).getString()));
        // InfluxDB leaves out the values of a series that has none
        List<List<Object>> rows = json.getOrDefault("values", JsonValue.EMPTY_JSON_ARRAY).asJsonArray().getValuesAs(JsonArray.class)
                .stream().map(row -> row.stream().map(InfluxDbServer::javaValue).toList()).toList();
        return new Series(json.getString("name"), tags, json.getJsonArray("columns").getValuesAs(JsonString::getString), rows);
    }

    /** The rows of the first series, each with its time first. */
    public List<List<Object>> query(String database, String influxQl) {
        return querySeries(database, influxQl).stream().findFirst().map(Series::values).orElse(List.of());
    }

    public List<String> seriesColumns(String database, String influxQl) {
        return querySeries(database, influxQl).stream().findFirst().map(Series::columns).orElse(List.of());
    }

    /** Polls {@link #query}; errors such as "database not found" count as "not yet". */
    public List<List<Object>> awaitRows(String database, String influxQl, int expectedCount, Duration timeout) {
        return poll(() -> query(database, influxQl), rows -> rows.size() >= expectedCount, timeout, 100);
    }

    /** The answer as JSON, once neither its HTTP status nor InfluxDB nor one of the statements reports an error. */
    private static JsonObject post(String request, WebTarget target, Entity<?> entity) throws IOException {
        int status;
        String body;
        try (Response response = target.request().post(entity)) {
            status = response.getStatus();
            body = response.readEntity(String.class);
        } catch (ProcessingException e) {
            if (e.getCause() instanceof IOException unreachable) {
                throw unreachable;
            }
            throw e;
        }
        JsonObject answer;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            answer = reader.readObject();
        } catch (RuntimeException notJson) {
            answer = JsonValue.EMPTY_JSON_OBJECT;
        }
        String error = answer.getOrDefault("results", JsonValue.EMPTY_JSON_ARRAY).asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(result -> result.getString("error", null)).filter(Objects::nonNull).findFirst()
                .orElse(answer.getString("error", null));
        if (error != null || status / 100 != 2) {
            throw new IllegalStateException("InfluxDB refused " + request + ": HTTP " + status + " "
                    + (error != null ? error : body.substring(0, Math.min(body.length(), 500))));
        }
        return answer;
    }

    private static Object javaValue(JsonValue value) {
        return switch (value.getValueType()) {
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue()
                    : ((JsonNumber) value).doubleValue();
            case STRING -> ((JsonString) value).getString();
            case TRUE, FALSE -> JsonValue.TRUE.equals(value);
            default -> null; // JSON null: rows hold no objects or arrays
        };
    }
}
