package org.perfbridge.it.bench;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads the store as a user does, through {@code GET /api/logcheckresult} for a random host and service, times each
 * read and checks its answer. A wrong answer is counted and the first one kept, so that a phase can print them.
 */
final class LogReader {

    private final PerfbridgeHttp api;
    private final NumberedCheckResults results;
    private final SplittableRandom random;
    private final AtomicLong wrongAnswers = new AtomicLong();
    private volatile String firstWrongAnswer;

    LogReader(PerfbridgeHttp api, NumberedCheckResults results, long seed) {
        this.api = api;
        this.results = results;
        this.random = new SplittableRandom(seed);
    }

    /**
     * One GET; answers how long it took. With {@code posted} the number of check results posted, all stored and none
     * being posted meanwhile, the answer must be exactly the page of the newest of them the query asks for;
     * with {@code posted} negative (posts under way, or a bounded store) its items must only be of the host and
     * service asked, newest first.
     */
    long read(ReadShape shape, long posted) throws InterruptedException {
        int host = random.nextInt(NumberedCheckResults.HOSTS);
        int service = random.nextInt(NumberedCheckResults.SERVICES);
        long sent = System.nanoTime();
        String problem;
        long latency;
        try {
            HttpResponse<String> response = api.get(shape.pathAndQuery(host, service));
            latency = System.nanoTime() - sent;
            problem = response.statusCode() != 200 ? "answered " + response.statusCode() + ": " + abbreviated(response.body())
                    : check(shape, host, service, posted, PerfbridgeHttp.json(response.body()));
        } catch (IOException | RuntimeException e) {
            latency = System.nanoTime() - sent;
            problem = e.toString();
        }
        if (problem != null) {
            wrongAnswers.incrementAndGet();
            if (firstWrongAnswer == null) {
                firstWrongAnswer = shape.pathAndQuery(host, service) + ": " + problem;
            }
        }
        return latency;
    }

    long wrongAnswers() {
        return wrongAnswers.get();
    }

    /** e.g. ", 2 wrong answers, the first: …", or nothing when every answer was right. */
    String wrongAnswersText() {
        long wrong = wrongAnswers.get();
        return wrong == 0 ? "" : String.format(Locale.ROOT, ", %,d wrong answers, the first: %s", wrong, firstWrongAnswer);
    }

    /** Reads the four shapes in turn on a thread of its own, without exact checks, until closed. */
    Loop loop(LatencyRecorder latencies) {
        return new Loop(latencies);
    }

    /** A reader running beside the posts of a phase. */
    final class Loop implements AutoCloseable {

        private volatile boolean stopped;
        private final Thread thread;

        private Loop(LatencyRecorder latencies) {
            thread = new Thread(() -> {
                ReadShape[] shapes = ReadShape.values();
                try {
                    for (int i = 0; !stopped; i++) {
                        latencies.add(read(shapes[i % shapes.length], -1));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "log-reader");
            thread.start();
        }

        /** Stops after the read under way. */
        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.join();
        }
    }

    private String check(ReadShape shape, int host, int service, long posted, JsonObject answer) {
        long total = answer.getJsonObject("_meta").getJsonNumber("total").longValue();
        List<JsonObject> items = answer.getJsonArray("_items").getValuesAs(JsonObject.class);
        if (posted < 0) {
            return checkLoosely(shape, host, service, items);
        }
        long residue = shape.residue(host, service);
        long expectedTotal = NumberedCheckResults.count(posted, residue, shape.modulus());
        if (total != expectedTotal) {
            return "_meta.total " + total + ", expected " + expectedTotal;
        }
        long skipped = (long) (shape.page() - 1) * ReadShape.MAX_RESULTS;
        long expectedItems = Math.max(0, Math.min(ReadShape.MAX_RESULTS, expectedTotal - skipped));
        if (items.size() != expectedItems) {
            return items.size() + " items, expected " + expectedItems;
        }
        for (int i = 0; i < items.size(); i++) {
            long n = NumberedCheckResults.newest(posted, residue, shape.modulus(), skipped + i);
            JsonObject item = items.get(i);
            if (!item.getString("host_name").equals(NumberedCheckResults.host(n))
                    || !item.getString("service_name", "").equals(NumberedCheckResults.service(n))
                    || Math.abs(lastCheck(item) - results.lastCheck(n)) > 0.01) {
                return "item " + i + " is " + item.getString("host_name") + "/" + item.getString("service_name", "") + " at "
                        + item.get("last_check") + ", expected " + NumberedCheckResults.host(n) + "/" + NumberedCheckResults.service(n)
                        + " at " + results.lastCheck(n);
            }
        }
        return null;
    }

    private static String checkLoosely(ReadShape shape, int host, int service, List<JsonObject> items) {
        if (items.size() > ReadShape.MAX_RESULTS) {
            return items.size() + " items, at most " + ReadShape.MAX_RESULTS + " asked";
        }
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i);
            if (shape.byHost() && !item.getString("host_name").equals("h" + host)
                    || shape.byService() && !item.getString("service_name", "").equals("s" + service)) {
                return "item " + i + " is of " + item.getString("host_name") + "/" + item.getString("service_name", "");
            }
            if (lastCheck(item) >= previous) {
                return "item " + i + " at " + item.get("last_check") + " is not older than the one before";
            }
            previous = lastCheck(item);
        }
        return null;
    }

    private static double lastCheck(JsonObject item) {
        return ((JsonNumber) item.get("last_check")).doubleValue();
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
