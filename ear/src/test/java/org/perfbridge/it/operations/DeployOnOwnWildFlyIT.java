package org.perfbridge.it.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.Entity;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perfbridge.it.Api;
import org.perfbridge.it.support.TimeseriesServers;
import org.perfbridge.it.support.WildFlyProcess;

/**
 * The README's "Deploy on your own WildFly", run verbatim on an unpacked WildFly 39 that nothing else configured: the
 * check result a poller posts reaches InfluxDB, and after the removal commands the server's configuration is what
 * it was before. The server runs on ports +500; its jboss-cli.xml points the CLI there, as it would on a site that
 * moved its management port.
 */
@ExtendWith(TimeseriesServers.class)
class DeployOnOwnWildFlyIT {

    static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    static final int OFFSET = 500;
    static final String DATABASE = "perfbridge_own";

    @Test
    void theReadmeCommandsDeployPerfbridgeAndTheRemovalLeavesTheServerAsItWas() throws Exception {
        Path home = Path.of(System.getProperty("it.work.dir"), "own-wildfly");
        run(List.of("rm", "-rf", home.toString()), PROJECT, home);
        Files.createDirectories(home.getParent());
        run(List.of("cp", "-a", System.getProperty("it.pristine.wildfly.home"), home.toString()), PROJECT, home);
        Path cliConfig = home.resolve("bin/jboss-cli.xml");
        Files.writeString(cliConfig, Files.readString(cliConfig).replace("<port>9990</port>", "<port>" + (9990 + OFFSET) + "</port>"));
        List<List<String>> blocks = readmeBlocks();
        TimeseriesServers.influxDb().createDatabase(DATABASE);

        WildFlyProcess server = new WildFlyProcess(home, URI.create("http://127.0.0.1:" + (8080 + OFFSET) + "/"));
        server.start(Duration.ofSeconds(120), Map.of(), List.of("-Djboss.socket.binding.port-offset=" + OFFSET));
        try {
            String before = model(home);

            for (String command : blocks.get(0)) {
                run(List.of("bash", "-c", command), PROJECT, home);
            }
            assertEquals("\"running\"", cli(home, ":read-attribute(name=server-state)").replaceAll("(?s).*\"result\" => (\"[a-z-]+\").*", "$1"),
                    "the README's commands leave the server running, reloaded where the installation needs it");
            cli(home, "/system-property=influxdb.host:write-attribute(name=value, value=127.0.0.1)");
            cli(home, "/system-property=influxdb.port:write-attribute(name=value, value=" + TimeseriesServers.INFLUXDB_HTTP_PORT + ")");
            cli(home, "/system-property=influxdb.database:write-attribute(name=value, value=" + DATABASE + ")");
            String host = "own-" + UUID.randomUUID().toString().substring(0, 8);
            Api.Answer answer = Api.answer(Api.at("http://127.0.0.1:" + (8080 + OFFSET) + "/api", "poller1", "Poller1-secret")
                    .path("logcheckresult").request().post(Entity.json(
                            "{\"host_name\": \"" + host + "\", \"state\": \"UP\", \"perf_data\": \"rta=0.5ms;;;0\"}")));
            assertEquals(201, answer.status(), answer.body());
            List<List<Object>> rows = TimeseriesServers.influxDb().awaitRows(DATABASE,
                    "SELECT value FROM \"rta\" WHERE host = '" + host + "'", 1, Duration.ofSeconds(30));
            assertEquals(0.5, ((Number) rows.get(0).get(1)).doubleValue());

            for (String command : blocks.get(1)) {
                run(List.of("bash", "-c", command), PROJECT, home);
            }
            String after = model(home);
            assertFalse(after.contains("perfbridge") || after.contains("perfdata"), after);
            assertEquals(before, after, "the removal leaves the configuration as it was");
        } finally {
            server.stop();
            run(List.of("rm", "-rf", home.toString()), PROJECT, home);
        }
    }

    /** The shell commands of the first two fenced blocks under "## Deploy on your own WildFly". */
    static List<List<String>> readmeBlocks() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## Deploy on your own WildFly");
        assertTrue(start >= 0, "README has the section");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 3));
        Matcher block = Pattern.compile("```sh\n(.*?)```", Pattern.DOTALL).matcher(section);
        List<List<String>> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1).lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList());
        }
        assertEquals(2, blocks.size(), "one block to deploy, one to remove");
        return blocks;
    }

    private static String model(Path home) throws IOException, InterruptedException {
        return cli(home, ":read-resource(recursive=true)");
    }

    private static String cli(Path home, String operation) throws IOException, InterruptedException {
        return run(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect", "--command=" + operation), PROJECT, home);
    }

    private static String run(List<String> command, Path directory, Path home) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JBOSS_HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
