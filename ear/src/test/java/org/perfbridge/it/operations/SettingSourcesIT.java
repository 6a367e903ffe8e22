package org.perfbridge.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perfbridge.config.Setting;
import org.perfbridge.it.Api;
import org.perfbridge.it.support.TimeseriesServers;
import org.perfbridge.it.support.WildFlyProcess;
import org.perfbridge.storage.embedded.EmbeddedH2Backend;

/**
 * The README's server (configured by install-standalone.cli alone, with its development user) started as a container
 * starts it: every setting from its environment variable, none of them its default. perfbridge reads each back in
 * {@code /api/settings}, stores in the MongoDB and delivers to the InfluxDB and carbon the variables name; then a value
 * written through the management API, as the console writes it, wins until the expression is written back. The server
 * runs on ports +400, beside the test server.
 */
@ExtendWith(TimeseriesServers.class)
class SettingSourcesIT {

    static final String HTTPS_API = "https://localhost:8843/api";
    static final String HTTP_API = "http://127.0.0.1:8480/api";
    static final String[] DEVELOPER = {"perfbridge", "Perfbridge-dev-1"};
    static final String PASSWORD = "Env-pw-" + UUID.randomUUID();

    static MongoServer mongo;
    static int mongoPort;

    @BeforeAll
    static void startMongoDb() {
        mongo = new MongoServer(EmbeddedH2Backend.inMemory());
        mongo.bind("127.0.0.1", 0);
        mongoPort = mongo.getLocalAddress().getPort();
    }

    @AfterAll
    static void stopMongoDb() {
        mongo.shutdownNow();
    }

    /** A value other than the default for every setting; the sinks and MongoDB are real and reachable. */
    static Map<Setting, String> environment() {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.GRAPHITE_HOST, "127.0.0.1");
        values.put(Setting.GRAPHITE_PORT, String.valueOf(TimeseriesServers.CARBON_LINE_PORT));
        values.put(Setting.GRAPHITE_PROTOCOL, "plaintext");
        values.put(Setting.GRAPHITE_PREFIX, "fromenv");
        values.put(Setting.INFLUXDB_HOST, "127.0.0.1");
        values.put(Setting.INFLUXDB_PORT, String.valueOf(TimeseriesServers.INFLUXDB_HTTPS_PORT));
        values.put(Setting.INFLUXDB_LOGIN, "envuser");
        values.put(Setting.INFLUXDB_PASSWORD, PASSWORD);
        values.put(Setting.INFLUXDB_DATABASE, "perfbridge_env");
        values.put(Setting.INFLUXDB_SSL, "true");
        values.put(Setting.SINK_CONNECT_TIMEOUT_MS, "2500");
        values.put(Setting.SINK_WRITE_TIMEOUT_MS, "9000");
        values.put(Setting.SCHEDULER_ACTIVE, "false");
        values.put(Setting.RETENTION_BATCH_SIZE, "4000");
        values.put(Setting.RETENTION_MAX_AGE_HOURS, "700");
        values.put(Setting.RETENTION_MAX_POINTS_PER_SINK, "9000000");
        values.put(Setting.MONGO_URI, "mongodb://127.0.0.1:" + mongoPort + "/?appName=perfbridge-env");
        values.put(Setting.MONGO_DATABASE, "envdb");
        values.put(Setting.MONGO_EMBEDDED_PORT, "27444");
        values.put(Setting.MONGO_EMBEDDED_IN_MEMORY, "true");
        values.put(Setting.MONGO_EMBEDDED_IN_MEMORY_MAX_LOGS, "5000");
        values.put(Setting.MONGO_EMBEDDED_MAX_LOGS, "2000000");
        values.put(Setting.LOGS_MAX_AGE_DAYS, "60");
        values.put(Setting.API_MAX_BODY_BYTES, "2000000");
        values.put(Setting.API_MAX_BATCH_ITEMS, "500");
        values.put(Setting.API_MAX_PAGE_SIZE, "300");
        values.put(Setting.API_MAX_RESPONSE_BYTES, "8000000");
        values.put(Setting.API_MAX_STRING_LENGTH, "30000");
        values.put(Setting.API_MAX_PERFDATA_LENGTH, "30000");
        values.put(Setting.API_MAX_METRICS_PER_CHECK, "300");
        values.put(Setting.API_MAX_CLOCK_SKEW_SECONDS, "7200");
        values.put(Setting.API_HTTPS_ONLY, "true");
        for (Setting setting : Setting.values()) {
            assertTrue(values.containsKey(setting), "this test gives " + setting.environmentName() + " a value");
            assertTrue(!values.get(setting).equals(setting.defaultValue()), setting.environmentName() + " differs from its default");
        }
        return values;
    }

    @Test
    void everySettingComesFromItsVariableAndTheConsoleWinsOverIt() throws Exception {
        Map<Setting, String> values = environment();
        Map<String, String> variables = values.entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().environmentName(), Map.Entry::getValue));
        TimeseriesServers.influxDbOverTls().createDatabase("perfbridge_env");
        TimeseriesServers.influxDbOverTls().createDatabase("perfbridge_console");
        WildFlyProcess server = new WildFlyProcess(Path.of(System.getProperty("it.run.wildfly.home")), URI.create(HTTP_API + "/status"));
        WebTarget api = Api.overTls(HTTPS_API, DEVELOPER[0], DEVELOPER[1]);

        server.start(Duration.ofSeconds(180), variables, serverArguments());
        try {
            Map<String, JsonObject> listed = settings(api);
            for (Setting setting : Setting.values()) {
                JsonObject entry = listed.get(setting.propertyName());
                String expected = setting == Setting.INFLUXDB_PASSWORD ? "****" : values.get(setting);
                assertEquals(expected, entry.getString("value"), setting.propertyName());
                assertEquals("environment", entry.getString("source"), setting.propertyName());
            }
            assertTrue(!api.path("settings").request().get(String.class).contains(PASSWORD), "the password is never shown");

            assertEquals(403, Api.answer(Api.at(HTTP_API, DEVELOPER[0], DEVELOPER[1]).path("status").request().get()).status(),
                    "API_HTTPS_ONLY refuses plain HTTP");
            Posted posted = postOneCheck(api);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongoPort)) {
                assertEquals(1, client.getDatabase("envdb").getCollection("logcheckresult").countDocuments(new Document("host_name", posted.host())),
                        "the log is in MONGO_URI's server, in MONGO_DATABASE");
            }
            assertPointsArrived(posted, "perfbridge_env", "fromenv");
            consoleWinsAndItsExpressionRestoresTheVariable(api);
        } finally {
            server.stop();
        }
    }

    /** What an operator writes in the console wins over the environment; writing the expression back returns to it. */
    private static void consoleWinsAndItsExpressionRestoresTheVariable(WebTarget api) throws Exception {
        try (ModelControllerClient management = ModelControllerClient.Factory.create(InetAddress.getLoopbackAddress(), 9990 + 400)) {
            writeProperty(management, "influxdb.database", "perfbridge_console");
            Map<String, JsonObject> listed = settings(api);
            assertEquals("perfbridge_console", listed.get("influxdb.database").getString("value"));
            assertEquals("system property", listed.get("influxdb.database").getString("source"));
            assertEquals("environment", listed.get("graphite.port").getString("source"), "the others still come from the environment");
            assertPointsArrived(postOneCheck(api), "perfbridge_console", "fromenv");

            writeProperty(management, "influxdb.database", "${env.INFLUXDB_DATABASE:alignak}");
            listed = settings(api);
            assertEquals("perfbridge_env", listed.get("influxdb.database").getString("value"));
            assertEquals("environment", listed.get("influxdb.database").getString("source"));
        }
    }

    private static void writeProperty(ModelControllerClient management, String name, String value) throws IOException {
        ModelNode result = management.execute(Operations.createWriteAttributeOperation(
                Operations.createAddress("system-property", name), "value", value));
        assertTrue(Operations.isSuccessfulOutcome(result), () -> Operations.getFailureDescription(result).asString());
    }

    private static List<String> serverArguments() {
        return List.of("-Djboss.socket.binding.port-offset=400",
                // the InfluxDB over TLS has the tests' certificate; INFLUXDB_SSL checks it against the JVM's trust store
                "-Djavax.net.ssl.trustStore=" + System.getProperty("it.tls.dir") + "/truststore.p12",
                "-Djavax.net.ssl.trustStorePassword=changeit", "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    private static Map<String, JsonObject> settings(WebTarget api) {
        Api.Answer answer = Api.answer(api.path("settings").request().get());
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonArray("settings").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(entry -> entry.getString("name"), Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    record Posted(String host, long lastCheck) {
    }

    private static Posted postOneCheck(WebTarget api) {
        String host = "env-" + UUID.randomUUID().toString().substring(0, 8);
        long lastCheck = System.currentTimeMillis() / 1000 - 30;
        Api.Answer answer = Api.answer(api.path("logcheckresult").request(MediaType.APPLICATION_JSON).post(Entity.json("""
                {"host_name": "%s", "service_name": "disk", "state": "OK", "last_check": %d, "perf_data": "used=41.5%%;80;90;0;100"}
                """.formatted(host, lastCheck))));
        assertEquals(201, answer.status(), answer.body());
        return new Posted(host, lastCheck);
    }

    private static void assertPointsArrived(Posted posted, String database, String graphitePrefix) {
        List<List<Object>> rows = TimeseriesServers.influxDbOverTls().awaitRows(database,
                "SELECT value FROM \"used\" WHERE host = '" + posted.host() + "'", 1, Duration.ofSeconds(30));
        assertEquals(41.5, ((Number) rows.get(0).get(1)).doubleValue(), "the point reached InfluxDB over TLS, in " + database);
        String path = graphitePrefix + ".All." + posted.host() + ".disk.used";
        assertEquals(Map.of(posted.lastCheck(), 41.5), TimeseriesServers.carbon()
                .awaitDatapoints(path, posted.lastCheck(), posted.lastCheck(), 1, Duration.ofSeconds(30)), "the point reached carbon as " + path);
    }
}
