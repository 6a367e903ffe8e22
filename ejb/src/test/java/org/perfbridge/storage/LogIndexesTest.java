package org.perfbridge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.perfbridge.storage.embedded.EmbeddedH2Backend;
import org.perfbridge.storage.embedded.ServedBackend;

class LogIndexesTest {

    @Test
    void theCreationTimeIndexIsATtlIndexOfTheMaximumAge() {
        try (ServedBackend served = new ServedBackend(EmbeddedH2Backend.inMemory())) {
            MongoCollection<Document> logs = served.collection(MongoStorage.LOGS);

            LogIndexes.ensureExpiry(logs, 30);

            Document expiry = index(logs, "_created_1");
            assertEquals(30L * 24 * 3600, expiry.get("expireAfterSeconds", Number.class).longValue(), expiry.toJson());
        }
    }

    @Test
    void theIndexesOfEarlierVersionsAreDroppedAndTheQueryIndexesKept() {
        try (ServedBackend served = new ServedBackend(EmbeddedH2Backend.inMemory())) {
            MongoCollection<Document> logs = served.collection(MongoStorage.LOGS);
            logs.createIndex(Indexes.compoundIndex(Indexes.ascending("host_name", "service_name"), Indexes.descending("last_check")));
            logs.createIndex(Indexes.descending("last_check"));
            LogIndexes.QUERIES.forEach(logs::createIndex);

            LogIndexes.dropReplaced(logs);

            List<String> names = logs.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>());
            assertFalse(names.contains("host_name_1_service_name_1_last_check_-1"), names.toString());
            assertFalse(names.contains("last_check_-1"), names.toString());
            assertTrue(names.containsAll(List.of("host_name_1_last_check_-1__id_-1", "host_name_1_service_name_1_last_check_-1__id_-1",
                    "service_name_1_last_check_-1__id_-1", "last_check_-1__id_-1")), names.toString());
        }
    }

    private static Document index(MongoCollection<Document> logs, String name) {
        return logs.listIndexes().into(new ArrayList<>()).stream().filter(index -> name.equals(index.getString("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no index " + name));
    }
}
