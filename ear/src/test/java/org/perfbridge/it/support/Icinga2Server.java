package org.perfbridge.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The peer of the load benchmark: a real Icinga 2 (Debian package {@code icinga2-bin}) in the foreground, with its REST API
 * and its Graphite and InfluxDB writers pointed at the same carbon and InfluxDB as perfbridge. It knows 1,000 passive hosts
 * × 10 services ({@code bench-host-N!svc-M}), like the benchmark's load. Its work directory is emptied at each start.
 */
public final class Icinga2Server extends PackagedServer {

    public static final String USER = "bench";
    public static final String PASSWORD = "bench-pass";

    private final int apiPort;
    private final String influxDatabase;

    public Icinga2Server(Path workDir, int apiPort, String influxDatabase) {
        super("icinga2", workDir, "icinga2.conf", List.of(""), Duration.ofSeconds(60), apiPort);
        this.apiPort = apiPort;
        this.influxDatabase = influxDatabase;
    }

    public int apiPort() {
        return apiPort;
    }

    public SSLContext clientTrustingItsCa() {
        return trusting(workDir.resolve("lib/certs/ca.crt"));
    }

    @Override
    ProcessBuilder prepare(Path config) throws IOException {
        deleteData();
        for (String dir : List.of("lib/certs", "log", "cache", "spool", "run")) {
            Files.createDirectories(workDir.resolve(dir));
        }
        Files.writeString(config, config());
        createApiCertificate(workDir.resolve("lib/certs"));
        List<String> command = new ArrayList<>(List.of(System.getProperty("it.icinga2.bin", "/usr/sbin/icinga2"), "daemon",
                "-c", config.toString()));
        Map.of("DataDir", "lib", "LogDir", "log", "CacheDir", "cache", "SpoolDir", "spool", "InitRunDir", "run")
                .forEach((constant, dir) -> command.add("-D" + constant + "=" + workDir.resolve(dir)));
        // the benchmark may run as root; Icinga would otherwise switch to the nagios user, who cannot write here
        String user = System.getProperty("user.name");
        command.addAll(List.of("-DRunAsUser=" + user, "-DRunAsGroup=" + run(new ProcessBuilder("id", "-gn", user)).trim()));
        return new ProcessBuilder(command);
    }

    private String config() {
        return """
                const NodeName = "bench"
                const ZoneName = "bench"
                include <itl>
                object IcingaApplication "app" { enable_perfdata = true }
                object FileLogger "main-log" { severity = "warning"; path = LogDir + "/icinga2.log" }
                object Endpoint NodeName {}
                object Zone ZoneName { endpoints = [ NodeName ] }
                object ApiListener "api" { bind_host = "127.0.0.1"; bind_port = %d }
                object ApiUser "%s" { password = "%s"; permissions = [ "actions/process-check-result" ] }
                for (h in range(1000)) {
                  object Host "bench-host-" + h { check_command = "passive"; enable_active_checks = false }
                }
                for (s in range(10)) {
                  apply Service "svc-" + s { check_command = "passive"; enable_active_checks = false; assign where true }
                }
                object GraphiteWriter "graphite" { host = "127.0.0.1"; port = %d }
                object InfluxdbWriter "influxdb" {
                  host = "127.0.0.1"; port = %d; database = "%s"
                  host_template = { measurement = "$host.check_command$"; tags = { hostname = "$host.name$" } }
                  service_template = { measurement = "$service.check_command$"; tags = { hostname = "$host.name$"; service = "$service.name$" } }
                }
                """.formatted(apiPort, USER, PASSWORD, TimeseriesServers.CARBON_LINE_PORT, TimeseriesServers.INFLUXDB_HTTP_PORT,
                influxDatabase);
    }

    /** A CA and the node's certificate signed by it (the API listener wants both), valid for 127.0.0.1. */
    private static void createApiCertificate(Path certs) throws IOException {
        Files.writeString(certs.resolve("san.cnf"), "subjectAltName=IP:127.0.0.1,DNS:bench\n");
        for (String command : List.of("req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=bench-ca",
                "req -newkey rsa:2048 -nodes -keyout bench.key -out bench.csr -subj /CN=bench",
                "x509 -req -in bench.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out bench.crt -days 2 -extfile san.cnf")) {
            run(new ProcessBuilder(("openssl " + command).split(" ")).directory(certs.toFile()));
        }
    }
}
