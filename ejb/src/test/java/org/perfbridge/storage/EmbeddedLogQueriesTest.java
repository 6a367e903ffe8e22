package org.perfbridge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfbridge.storage.embedded.EmbeddedH2Backend;
import org.perfbridge.storage.embedded.ServedBackend;

/** The API's reads on the embedded store, which answers them from its indexes, against the same reads done by hand. */
class EmbeddedLogQueriesTest {

    private static final Comparator<Document> NEWEST_FIRST = Comparator
            .comparing((Document d) -> d.getDouble("last_check")).reversed()
            .thenComparing(d -> d.getObjectId("_id"), Comparator.reverseOrder());

    @TempDir
    Path dir;

    private final Random random = new Random(20261130);
    private final List<Document> stored = new ArrayList<>();

    @Test
    void pagesAndTotalsAreThoseOfTheWholeLogNewestFirst() {
        Path file = dir.resolve("mongo.mv");
        try (ServedBackend served = new ServedBackend(EmbeddedH2Backend.inFile(file))) {
            MongoCollection<Document> logs = served.collection(MongoStorage.LOGS);
            createIndexes(logs);
            insert(logs, 6000);
            assertReadsMatch(logs);
        }
        try (ServedBackend reopened = new ServedBackend(EmbeddedH2Backend.inFile(file))) {
            MongoCollection<Document> logs = reopened.collection(MongoStorage.LOGS);
            createIndexes(logs);
            insert(logs, 1500);
            for (int i = 0; i < 700; i++) {
                Document gone = stored.remove(random.nextInt(stored.size()));
                assertEquals(1, logs.deleteOne(Filters.eq("_id", gone.getObjectId("_id"))).getDeletedCount());
            }
            assertReadsMatch(logs);
        }
    }

    @Test
    void aHostWithNoLogsHasAnEmptyPageAndNoTotal() {
        try (ServedBackend served = new ServedBackend(EmbeddedH2Backend.inMemory())) {
            MongoCollection<Document> logs = served.collection(MongoStorage.LOGS);
            createIndexes(logs);
            insert(logs, 200);
            assertEquals(0, logs.countDocuments(Filters.eq("host_name", "nobody")));
            assertEquals(List.of(), page(logs, Filters.eq("host_name", "nobody"), 0, 25));
        }
    }

    static void createIndexes(MongoCollection<Document> logs) {
        LogIndexes.QUERIES.forEach(logs::createIndex);
        LogIndexes.ensureExpiry(logs, 30);
    }

    private void insert(MongoCollection<Document> logs, int count) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // few distinct check times, so that many logs tie and the _id orders them
            Document log = new Document("_id", new ObjectId())
                    .append("host_name", "h" + random.nextInt(30))
                    .append("last_check", (double) (1_700_000_000 + random.nextInt(200)))
                    .append("output", "OK")
                    .append("_created", new Date(1_700_000_000_000L + random.nextInt(1_000_000)));
            if (random.nextInt(10) > 0) {
                log.append("service_name", "s" + random.nextInt(10));
            }
            batch.add(log);
            if (batch.size() == 500) {
                logs.insertMany(batch);
                stored.addAll(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            logs.insertMany(batch);
            stored.addAll(batch);
        }
    }

    private void assertReadsMatch(MongoCollection<Document> logs) {
        assertRead(logs, new Document(), d -> true, 0);
        assertRead(logs, new Document(), d -> true, 40);
        for (int i = 0; i < 30; i++) {
            String host = "h" + random.nextInt(32);
            String service = "s" + random.nextInt(11);
            int skip = random.nextInt(4) * 25;
            assertRead(logs, Filters.eq("host_name", host), d -> host.equals(d.get("host_name")), skip);
            assertRead(logs, Filters.eq("service_name", service), d -> service.equals(d.get("service_name")), skip);
            assertRead(logs, Filters.and(Filters.eq("host_name", host), Filters.eq("service_name", service)),
                    d -> host.equals(d.get("host_name")) && service.equals(d.get("service_name")), skip / 5);
        }
    }

    private void assertRead(MongoCollection<Document> logs, Bson filter, Predicate<Document> matches, int skip) {
        List<Document> expected = stored.stream().filter(matches).sorted(NEWEST_FIRST).skip(skip).limit(25).toList();
        assertEquals(ids(expected), ids(page(logs, filter, skip, 25)), "page of " + filter + " after " + skip);
        assertEquals(ids(expected), ids(logs.find(filter).sort(Sorts.descending("last_check", "_id")).skip(skip).limit(25)
                .batchSize(7).into(new ArrayList<>())), "page of " + filter + " after " + skip + ", read 7 at a time");
        assertEquals(stored.stream().filter(matches).count(), logs.countDocuments(filter), "total of " + filter);
    }

    private static List<Document> page(MongoCollection<Document> logs, Bson filter, int skip, int limit) {
        return logs.find(filter).sort(Sorts.descending("last_check", "_id")).skip(skip).limit(limit).into(new ArrayList<>());
    }

    private static List<ObjectId> ids(List<Document> documents) {
        return documents.stream().map(d -> d.getObjectId("_id")).toList();
    }
}
