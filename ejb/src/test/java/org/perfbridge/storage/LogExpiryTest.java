package org.perfbridge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfbridge.storage.embedded.EmbeddedH2Backend;
import org.perfbridge.storage.embedded.ServedBackend;

/** Expiry on the embedded store, by age and by count: the oldest logs go, in steps, and no other. */
class LogExpiryTest {

    private static final Instant NOW = Instant.now();

    private ServedBackend served;
    private MongoCollection<Document> logs;
    private final List<Document> inserted = new ArrayList<>();

    @BeforeEach
    void start() {
        served = new ServedBackend(EmbeddedH2Backend.inMemory());
        logs = served.collection(MongoStorage.LOGS);
        EmbeddedLogQueriesTest.createIndexes(logs);
    }

    @AfterEach
    void stop() {
        served.close();
    }

    @Test
    void deletesTheLogsOlderThanTheMaximumAgeAndNoOther() {
        // given logs created one an hour over 100 days, inserted out of order
        for (int hour = 0; hour < 2400; hour++) {
            insert(NOW.minus(Duration.ofHours((hour * 7L) % 2400)));
        }

        // when logs older than 30 days expire
        long deleted = LogExpiry.deleteExpired(logs, 30, 0, NOW.plusSeconds(60));

        // then exactly those created 30 days ago or earlier are gone
        Instant cutoff = NOW.minus(Duration.ofDays(30));
        List<ObjectId> younger = inserted.stream().filter(log -> log.getDate("_created").toInstant().isAfter(cutoff))
                .map(log -> log.getObjectId("_id")).sorted().toList();
        assertEquals(2400 - younger.size(), deleted);
        assertEquals(younger, remainingIds());
    }

    @Test
    void keepsTheNewestLogsUpToTheCountInStepsOfAThousand() {
        for (int i = 0; i < 3500; i++) {
            insert(NOW.minus(Duration.ofSeconds(3500 - i)));
        }

        long deleted = LogExpiry.deleteExpired(logs, 0, 1200, NOW.plusSeconds(60));

        assertEquals(2300, deleted);
        assertEquals(inserted.subList(2300, 3500).stream().map(log -> log.getObjectId("_id")).sorted().toList(), remainingIds());
        assertEquals(0, LogExpiry.deleteExpired(logs, 0, 1200, NOW.plusSeconds(60)), "nothing more to expire");
    }

    @Test
    void withNeitherBoundNothingIsDeleted() {
        for (int i = 0; i < 50; i++) {
            insert(NOW.minus(Duration.ofDays(400)));
        }
        assertEquals(0, LogExpiry.deleteExpired(logs, 0, 0, NOW.plusSeconds(60)));
        assertEquals(50, logs.countDocuments());
    }

    private void insert(Instant created) {
        Document log = new Document("_id", new ObjectId()).append("host_name", "h").append("service_name", "s")
                .append("last_check", (double) created.getEpochSecond()).append("_created", Date.from(created));
        logs.insertOne(log);
        inserted.add(log);
    }

    private List<ObjectId> remainingIds() {
        return logs.find().sort(Sorts.ascending("_id")).map(log -> log.getObjectId("_id")).into(new ArrayList<>());
    }
}
