package org.perfbridge.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perfbridge.it.Api;
import org.perfbridge.it.Eventually;
import org.perfbridge.it.support.TimeseriesServers;
import org.perfbridge.it.support.WildFlyProcess;

/**
 * The embedded store on a full disk: the crash test's server keeps its store on a small tmpfs that this test
 * mounts (tests run as root), posts until the disk is full, then gives the file system room again by remounting it
 * larger. The server must say why it refuses, and take check results again by itself, with no restart.
 */
@ExtendWith(TimeseriesServers.class)
class FullDiskIT {

    static final WebTarget SERVER = Api.at(WildFlyCrashIT.API, Api.ADMIN[0], Api.ADMIN[1]);
    static final Path STORE_DIR = Path.of(System.getProperty("it.crash.wildfly.home"), "standalone/data/perfbridge");
    static final int PER_POST = 50;

    private final Random random = new Random(20261130);

    @Test
    void aFullDiskIsNamedAndTheStoreWritesAgainOnceThereIsRoom() throws Exception {
        WildFlyProcess server = WildFlyCrashIT.server();
        server.deleteEmbeddedStore();
        Files.createDirectories(STORE_DIR);
        run("mount", "-t", "tmpfs", "-o", "size=6m", "perfbridge-full-disk-it", STORE_DIR.toString());
        try {
            server.start(Duration.ofSeconds(120));
            String host = "full-disk-" + UUID.randomUUID().toString().substring(0, 8);
            int accepted = 0;
            Api.Answer refused = null;
            for (int post = 0; post < 400 && refused == null; post++) {
                Api.Answer answer = post(host, post);
                if (answer.status() == 201) {
                    accepted += PER_POST;
                } else {
                    refused = answer;
                }
            }
            assertTrue(refused != null, "the 6 MB disk never filled up");
            assertEquals(503, refused.status(), refused.body());
            assertTrue(refused.body().contains("disk is full"), refused.body());
            JsonObject mongo = status().getJsonObject("mongo");
            assertFalse(mongo.getBoolean("writable"), mongo.toString());
            assertTrue(mongo.getString("write_failure").contains("disk is full"), mongo.toString());

            run("mount", "-o", "remount,size=64m", STORE_DIR.toString());
            int[] next = {1000};
            Api.Answer afterwards = Eventually.await("a post accepted without a restart", () -> post(host, next[0]++),
                    answer -> answer.status() == 201, Duration.ofSeconds(60));
            accepted += PER_POST;

            assertEquals(201, afterwards.status(), afterwards.body());
            assertTrue(status().getJsonObject("mongo").getBoolean("writable"));
            long stored = totalOf(host);
            // the refused post's group may have reached the disk before the commit that failed: then it is kept too
            assertTrue(stored >= accepted && stored <= accepted + PER_POST,
                    "every check result answered 201 is stored: " + stored + " stored, " + accepted + " accepted");
        } finally {
            server.stop();
            run("umount", STORE_DIR.toString());
            server.deleteEmbeddedStore();
        }
    }

    /** Check results with output that does not compress, so that the disk fills in a few dozen posts. */
    private Api.Answer post(String host, int post) {
        StringJoiner batch = new StringJoiner(",", "[", "]");
        for (int i = 0; i < PER_POST; i++) {
            batch.add("""
                    {"host_name": "%s", "service_name": "s%d", "state": "OK", "output": "%s"}"""
                    .formatted(host, post * PER_POST + i, randomText(2000)));
        }
        return Api.answer(SERVER.path("logcheckresult").request().post(Entity.entity(batch.toString(), MediaType.APPLICATION_JSON)));
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static long totalOf(String host) {
        Api.Answer answer = Api.answer(SERVER.path("logcheckresult").queryParam("host_name", host).queryParam("max_results", 1)
                .request().get());
        assertEquals(200, answer.status(), answer.body());
        return answer.json().getJsonObject("_meta").getJsonNumber("total").longValue();
    }

    private static JsonObject status() {
        Api.Answer answer = Api.answer(SERVER.path("status").request().get());
        assertEquals(200, answer.status(), answer.body());
        return answer.json();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
