package org.perfbridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Reads of a log of a few hundred thousand check results answer the right newest logs and totals while check
 * results keep coming in. Functional, not timed: docs/benchmarks.md has the timings at a million.
 */
class LogsAtScaleIT extends DeployedPerfbridge {

    static final int LOGS = 200_000;
    static final int HOSTS = 500;
    static final int SERVICES = 4;
    static final int PER_POST = 100;
    static final long FIRST_CHECK = 1_764_000_000L;

    private final String prefix = "scale-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void readsAnswerTheNewestLogsAndExactTotalsWhileIngestGoesOn() throws Exception {
        fill();
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService poster = Executors.newSingleThreadExecutor();
        Future<?> posting = poster.submit(() -> {
            for (int i = 0; reading.get(); i++) {
                int status = Api.postCheckResults(check(prefix + "-live", "s", FIRST_CHECK + i, i)).status();
                (status == 201 ? accepted : refused).incrementAndGet();
            }
        });
        try {
            Random random = new Random(20261130);
            for (int read = 0; read < 30; read++) {
                int host = random.nextInt(HOSTS);
                int service = random.nextInt(SERVICES);
                assertPage(host, -1, 1 + random.nextInt(8));
                assertPage(host, service, 1 + random.nextInt(2));
            }
        } finally {
            reading.set(false);
            posting.get();
            poster.shutdown();
        }
        assertTrue(accepted.get() > 0, "check results were posted while reading");
        assertEquals(0, refused.get(), "no check result refused while reading");
        JsonObject live = Api.logsOfHost(prefix + "-live");
        assertEquals(accepted.get(), live.getJsonObject("_meta").getInt("total"));
    }

    private void fill() throws Exception {
        ExecutorService posters = Executors.newFixedThreadPool(4);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int first = 0; first < LOGS; first += PER_POST) {
            int from = first;
            statuses.add(posters.submit(() -> {
                StringJoiner batch = new StringJoiner(",", "[", "]");
                for (int n = from; n < from + PER_POST; n++) {
                    batch.add(check(host(n), service(n), FIRST_CHECK + n, n));
                }
                return Api.postCheckResults(batch.toString()).status();
            }));
        }
        for (Future<Integer> status : statuses) {
            assertEquals(201, status.get());
        }
        posters.shutdown();
    }

    /** The page of 25 of a host (and a service, unless -1) must be exactly the newest logs posted for it. */
    private void assertPage(int host, int service, int page) {
        String hostName = prefix + "-h" + host;
        Api.Answer answer = Api.get("logcheckresult", target -> {
            target = target.queryParam("host_name", hostName).queryParam("max_results", 25).queryParam("page", page);
            return service < 0 ? target : target.queryParam("service_name", "s" + service);
        });
        assertEquals(200, answer.status(), answer.body());
        List<Long> expected = new ArrayList<>();
        for (long n = LOGS - 1; n >= 0; n--) {
            if (n % HOSTS == host && (service < 0 || service(n).equals("s" + service))) {
                expected.add(n);
            }
        }
        List<Long> outputs = answer.json().getJsonArray("_items").getValuesAs(JsonObject.class).stream()
                .map(log -> Long.parseLong(log.getString("output"))).toList();
        assertEquals(expected.subList(Math.min(expected.size(), (page - 1) * 25), Math.min(expected.size(), page * 25)), outputs,
                hostName + " " + service + " page " + page);
        assertEquals(expected.size(), answer.json().getJsonObject("_meta").getInt("total"), hostName + " " + service);
    }

    private String host(long n) {
        return prefix + "-h" + n % HOSTS;
    }

    private static String service(long n) {
        return "s" + (n / HOSTS) % SERVICES;
    }

    private static String check(String host, String service, long lastCheck, long n) {
        return """
                {"host_name": "%s", "service_name": "%s", "state": "OK", "last_check": %d, "output": "%d"}"""
                .formatted(host, service, lastCheck, n);
    }
}
