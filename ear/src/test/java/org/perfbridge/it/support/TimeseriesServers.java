package org.perfbridge.it.support;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One InfluxDB and one carbon-cache per JVM, started lazily on first use; each stops itself when the JVM exits (its own shutdown hook).
 *
 * <pre>
 * InfluxDbServer influx = TimeseriesServers.influxDb();   // http://127.0.0.1:18086 (RPC 127.0.0.1:18088)
 * CarbonServer carbon = TimeseriesServers.carbon();       // line 12003, pickle 12004, cache query 17002
 * </pre>
 *
 * or {@code @ExtendWith(TimeseriesServers.class)} on a test class to have both started before its tests.
 *
 * <p>Work dir: system property {@code it.work.dir} (default {@code target/it-work}); InfluxDB lives in
 * {@code <it.work.dir>/influxdb}, carbon in {@code <it.work.dir>/carbon}. On the first start in a JVM the data of a
 * previous run (InfluxDB meta/data/wal, whisper files) is deleted so every test JVM starts from empty servers;
 * {@code -Dit.keep.data=true} keeps it. Within a JVM data survives {@code stop()}/{@code start()}.
 *
 * <p>The accessors only start a server the first time; if a test stops one, it stays stopped until the test
 * calls {@code start()} on it again.
 */
public final class TimeseriesServers implements BeforeAllCallback {

    public static final String HOST = ProcessSupport.LOOPBACK;
    public static final int INFLUXDB_HTTP_PORT = 18086;
    public static final int INFLUXDB_RPC_PORT = 18088;
    public static final int INFLUXDB_HTTPS_PORT = 18443;
    public static final int CARBON_LINE_PORT = 12003;
    public static final int CARBON_PICKLE_PORT = 12004;
    public static final int CARBON_QUERY_PORT = 17002;

    private static volatile InfluxDbServer influxDb;
    private static volatile InfluxDbServer influxDbOverTls;
    private static volatile CarbonServer carbon;

    public TimeseriesServers() {
        // for @ExtendWith
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        influxDb();
        carbon();
    }

    /** {@code it.work.dir} as an absolute path (default {@code target/it-work}). */
    public static Path workDir() {
        String dir = System.getProperty("it.work.dir");
        if (dir == null || dir.isBlank()) {
            dir = "target/it-work";
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** The JVM-wide InfluxDB, started on the first call. */
    public static synchronized InfluxDbServer influxDb() {
        if (influxDb == null) {
            InfluxDbServer s = InfluxDbServer.at(workDir().resolve("influxdb"), INFLUXDB_HTTP_PORT, INFLUXDB_RPC_PORT);
            if (!Boolean.getBoolean("it.keep.data")) {
                s.deleteData();
            }
            s.start(); // throws (with the log tail / busy port) if it cannot start; next call tries again
            influxDb = s;
        }
        return influxDb;
    }

    /**
     * A second InfluxDB serving its API over TLS on 18443, with the test certificate the build made in
     * {@code it.tls.dir} (the managed WildFly trusts it through its trust store), started on the first call.
     */
    public static synchronized InfluxDbServer influxDbOverTls() {
        if (influxDbOverTls == null) {
            Path tls = Path.of(System.getProperty("it.tls.dir", "target/it-tls"));
            InfluxDbServer s = InfluxDbServer.overTls(workDir().resolve("influxdb-tls"), INFLUXDB_HTTPS_PORT, INFLUXDB_HTTPS_PORT + 2,
                    tls.resolve("cert.pem"), tls.resolve("key.pem"));
            if (!Boolean.getBoolean("it.keep.data")) {
                s.deleteData();
            }
            s.start();
            influxDbOverTls = s;
        }
        return influxDbOverTls;
    }

    /** The JVM-wide carbon-cache, started on the first call. */
    public static synchronized CarbonServer carbon() {
        if (carbon == null) {
            CarbonServer s = CarbonServer.at(workDir().resolve("carbon"), CARBON_LINE_PORT, CARBON_PICKLE_PORT,
                    CARBON_QUERY_PORT);
            if (!Boolean.getBoolean("it.keep.data")) {
                s.deleteData();
            }
            s.start();
            carbon = s;
        }
        return carbon;
    }

    /** Stops every server started here (each can be started again with its start()). */
    public static void stopAll() {
        RuntimeException first = null;
        if (carbon != null) {
            try {
                carbon.stop();
            } catch (RuntimeException e) {
                first = e;
            }
        }
        if (influxDbOverTls != null) {
            try {
                influxDbOverTls.stop();
            } catch (RuntimeException e) {
                first = e;
            }
        }
        if (influxDb != null) {
            try {
                influxDb.stop();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
