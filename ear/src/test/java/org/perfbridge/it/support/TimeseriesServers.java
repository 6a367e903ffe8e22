package org.perfbridge.it.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One InfluxDB and one carbon-cache per JVM (and an InfluxDB over TLS for the tests that ask), each started on first use,
 * stopped when the JVM shuts down; {@code @ExtendWith(TimeseriesServers.class)} starts the first two before a test class.
 * They live in {@code it.work.dir} (default {@code target/it-work}); their first start in a JVM deletes what a previous run
 * left, unless {@code -Dit.keep.data=true}. Data survives {@code stop()} and {@code start()}, and a stopped server stays so.
 */
public final class TimeseriesServers implements BeforeAllCallback {

    public static final String HOST = PackagedServer.LOOPBACK;
    public static final int INFLUXDB_HTTP_PORT = 18086;
    public static final int INFLUXDB_HTTPS_PORT = 18443;
    public static final int CARBON_LINE_PORT = 12003;
    public static final int CARBON_PICKLE_PORT = 12004;
    public static final int CARBON_QUERY_PORT = 17002;

    private static final Map<String, PackagedServer> STARTED = new LinkedHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        influxDb();
        carbon();
    }

    public static InfluxDbServer influxDb() {
        return started("influxdb", dir -> InfluxDbServer.at(dir, INFLUXDB_HTTP_PORT));
    }

    /** Serves with the test certificate the build made in {@code it.tls.dir}, which the managed WildFly trusts. */
    public static InfluxDbServer influxDbOverTls() {
        Path tls = Path.of(System.getProperty("it.tls.dir", "target/it-tls"));
        return started("influxdb-tls", dir -> InfluxDbServer.overTls(dir, INFLUXDB_HTTPS_PORT, tls.resolve("cert.pem"),
                tls.resolve("key.pem")));
    }

    public static CarbonServer carbon() {
        return started("carbon", dir -> new CarbonServer(dir, CARBON_LINE_PORT, CARBON_PICKLE_PORT, CARBON_QUERY_PORT));
    }

    /** Each can start again. */
    public static synchronized void stopAll() {
        STARTED.values().forEach(PackagedServer::stop);
    }

    /** A failed start throws (with the log's end or the busy port), and the next call tries again. */
    @SuppressWarnings("unchecked")
    private static synchronized <S extends PackagedServer> S started(String name, Function<Path, S> server) {
        return (S) STARTED.computeIfAbsent(name, workDirName -> {
            S started = server.apply(Path.of(System.getProperty("it.work.dir", "target/it-work")).toAbsolutePath().resolve(workDirName));
            if (!Boolean.getBoolean("it.keep.data")) {
                started.deleteData();
            }
            started.start();
            return started;
        });
    }
}
