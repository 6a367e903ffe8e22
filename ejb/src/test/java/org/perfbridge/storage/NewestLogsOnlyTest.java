package org.perfbridge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.perfbridge.storage.embedded.EmbeddedH2Backend;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NewestLogsOnlyTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> logs;

    @BeforeEach
    void startInMemoryStore() {
        server = new MongoServer(EmbeddedH2Backend.inMemory());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        logs = client.getDatabase("perfbridge").getCollection(MongoStorage.LOGS);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void keepsTheNewestAndDeletesTheOldestOnceABatchIsOver() {
        NewestLogsOnly bound = new NewestLogsOnly(2500);
        List<ObjectId> ids = new ArrayList<>();
        for (int group = 0; group < 40; group++) {
            insertGroup(bound, ids, 7 + group * 13);
            long count = logs.countDocuments();
            assertTrue(count < 2500 + NewestLogsOnly.DELETE_BATCH, "after group " + group + ": " + count);
            assertEquals(ids.subList(ids.size() - (int) count, ids.size()), presentIds(), "the newest are kept, in order");
        }
        assertTrue(logs.countDocuments() >= 2500);
        assertTrue(logs.countDocuments() < ids.size(), "some were deleted");
    }

    @Test
    void deletesNothingUnderTheBound() {
        NewestLogsOnly bound = new NewestLogsOnly(5000);
        List<ObjectId> ids = new ArrayList<>();
        for (int group = 0; group < 5; group++) {
            insertGroup(bound, ids, 1000);
        }
        insertGroup(bound, ids, NewestLogsOnly.DELETE_BATCH - 1);
        assertEquals(ids.size(), logs.countDocuments());
        insertGroup(bound, ids, 1);
        assertEquals(5000, logs.countDocuments());
    }

    @Test
    void refusesABoundBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new NewestLogsOnly(0));
    }

    private void insertGroup(NewestLogsOnly bound, List<ObjectId> ids, int size) {
        List<Document> group = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ObjectId id = new ObjectId();
            ids.add(id);
            group.add(new Document("_id", id).append("host_name", "h" + ids.size()));
        }
        logs.insertMany(group);
        bound.inserted(logs, group);
    }

    private List<ObjectId> presentIds() {
        List<ObjectId> present = new ArrayList<>();
        logs.find().projection(new Document("_id", 1)).sort(new Document("_id", 1)).forEach(d -> present.add(d.getObjectId("_id")));
        return present;
    }
}
