package org.perfbridge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's journal: what was acknowledged survives a store that never committed it. */
class EmbeddedMongoTest {

    @TempDir
    Path dir;

    @Test
    void logsAcknowledgedAfterTheLastCommitAreReadBackWhenTheStoreOpensAgain() throws IOException {
        Path file = dir.resolve("mongo.mv");
        int port = freePort();
        EmbeddedMongo first = EmbeddedMongo.start(file, port, "perfbridge");
        List<Document> committed = logs(300);
        List<Document> onlyJournaled = logs(200);
        try (MongoClient client = MongoClients.create(first.uri())) {
            MongoCollection<Document> logs = client.getDatabase("perfbridge").getCollection(MongoStorage.LOGS);
            store(first, logs, committed);
            first.checkpoint();
            store(first, logs, onlyJournaled);
            List<Document> refused = logs(50);
            logs.insertMany(refused);
            first.journal(refused, first.generation());
        }
        first.stopAsIfKilled();

        EmbeddedMongo second = EmbeddedMongo.start(file, port, "perfbridge");
        try (MongoClient client = MongoClients.create(second.uri())) {
            MongoCollection<Document> logs = client.getDatabase("perfbridge").getCollection(MongoStorage.LOGS);
            List<ObjectId> expected = new ArrayList<>(ids(committed));
            expected.addAll(ids(onlyJournaled));
            assertEquals(expected, ids(logs.find().sort(new Document("_id", 1)).into(new ArrayList<>())));
        } finally {
            second.stop();
        }
    }

    /** As the group commit stores logs: into the store, then into the journal, which is written before the answer. */
    private static void store(EmbeddedMongo mongo, MongoCollection<Document> logs, List<Document> batch) throws IOException {
        logs.insertMany(batch);
        mongo.journal(batch, mongo.generation());
        mongo.flushJournal();
    }

    private static List<Document> logs(int count) {
        List<Document> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logs.add(new Document("_id", new ObjectId()).append("host_name", "h" + i % 7).append("last_check", 1.0 * i));
        }
        return logs;
    }

    private static List<ObjectId> ids(List<Document> documents) {
        return documents.stream().map(document -> document.getObjectId("_id")).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
