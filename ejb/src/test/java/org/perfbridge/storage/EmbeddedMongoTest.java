package org.perfbridge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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
        first.releaseJournalWhen(timeout -> true);
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
            assertEquals(onlyJournaled, second.takeLogsReadBackAtStart(), "their perfdata may not have been queued");
            assertEquals(List.of(), second.takeLogsReadBackAtStart(), "handed over once");
        } finally {
            second.stop();
        }
    }

    @Test
    void aCheckpointKeepsTheJournalUntilThePerfdataOfItsLogsIsHandedOn() throws IOException {
        Path file = dir.resolve("mongo.mv");
        int port = freePort();
        EmbeddedMongo mongo = EmbeddedMongo.start(file, port, "perfbridge");
        AtomicBoolean handedOn = new AtomicBoolean();
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            MongoCollection<Document> logs = client.getDatabase("perfbridge").getCollection(MongoStorage.LOGS);
            store(mongo, logs, logs(20));
            mongo.checkpoint();
            assertTrue(journalBytes() > 0, "nothing said yet what was handed on: the journal is kept");

            mongo.releaseJournalWhen(timeout -> handedOn.get());
            mongo.checkpoint();
            assertTrue(journalBytes() > 0, "not handed on: kept");

            handedOn.set(true);
            mongo.checkpoint();
            assertEquals(0, journalBytes(), "handed on and committed: dropped");
        } finally {
            mongo.stop();
        }
    }

    private long journalBytes() throws IOException {
        long bytes = 0;
        for (Path segment : LogJournal.segments(dir)) {
            bytes += Files.size(segment);
        }
        return bytes;
    }

    /** Sites that ran a version built on H2 2.3.232 keep their file: 600 logs of 6 hosts, with the log indexes. */
    @Test
    void aFileWrittenByTheEarlierH2OpensWithItsLogsAndIndexes() throws IOException {
        Path file = dir.resolve("mongo.mv");
        try (var fixture = EmbeddedMongoTest.class.getResourceAsStream("logs-of-h2-2.3.232.mv")) {
            Files.copy(fixture, file);
        }
        int port = freePort();
        EmbeddedMongo mongo = EmbeddedMongo.start(file, port, "perfbridge");
        try (MongoClient client = MongoClients.create(mongo.uri())) {
            MongoCollection<Document> logs = client.getDatabase("perfbridge").getCollection(MongoStorage.LOGS);
            assertEquals(600, logs.countDocuments());
            assertEquals(100, logs.countDocuments(new Document("host_name", "h3")));
            List<Document> newest = logs.find(new Document("host_name", "h3"))
                    .sort(new Document("last_check", -1).append("_id", -1)).limit(3).into(new ArrayList<>());
            assertEquals(List.of("fixture 597", "fixture 591", "fixture 585"),
                    newest.stream().map(log -> log.getString("output")).toList());
            List<String> indexes = logs.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>());
            assertTrue(indexes.containsAll(List.of("host_name_1_last_check_-1__id_-1", "_created_1")), indexes.toString());
            store(mongo, logs, logs(10));
            mongo.checkpoint();
        } finally {
            mongo.stop();
        }
        EmbeddedMongo reopened = EmbeddedMongo.start(file, port, "perfbridge");
        try (MongoClient client = MongoClients.create(reopened.uri())) {
            assertEquals(610, client.getDatabase("perfbridge").getCollection(MongoStorage.LOGS).countDocuments());
        } finally {
            reopened.stop();
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
