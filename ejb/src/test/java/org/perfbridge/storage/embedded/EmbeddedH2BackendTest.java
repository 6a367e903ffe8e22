package org.perfbridge.storage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedH2BackendTest {

    private static final String ID_INDEX_MAP = "perfbridge.logcheckresult._index__id_";

    @TempDir
    Path dir;

    @Test
    void aNewCollectionsIdIndexIsWrittenCompactly() {
        EmbeddedH2Backend backend = EmbeddedH2Backend.inMemory();
        withCollection(backend, logs -> {
            logs.insertOne(new Document("host_name", "h"));
            assertInstanceOf(StoredValueType.class, backend.getMvStore().openMap(ID_INDEX_MAP).getKeyType());
        });
    }

    @Test
    void readsAndGuardsAFileThePlainBackendWrote() {
        Path file = dir.resolve("mongo.mv");
        List<ObjectId> ids = new ArrayList<>();
        H2Backend plain = new H2Backend(file.toString());
        withCollection(plain, logs -> {
            for (int batch = 0; batch < 20; batch++) {
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    ObjectId id = new ObjectId();
                    ids.add(id);
                    documents.add(new Document("_id", id).append("n", ids.size()));
                }
                logs.insertMany(documents);
            }
        });

        EmbeddedH2Backend reopened = EmbeddedH2Backend.inFile(file);
        assertInstanceOf(StoredValueType.class, reopened.getMvStore().openMap(ID_INDEX_MAP).getKeyType());
        withCollection(reopened, logs -> {
            for (int i = 0; i < ids.size(); i += 97) {
                assertEquals(i + 1, logs.find(Filters.eq("_id", ids.get(i))).first().getInteger("n"));
            }
            MongoWriteException duplicate = assertThrows(MongoWriteException.class,
                    () -> logs.insertOne(new Document("_id", ids.get(4321)).append("n", -1)));
            assertEquals(ErrorCategory.DUPLICATE_KEY, duplicate.getError().getCategory());
            ObjectId added = new ObjectId();
            logs.insertOne(new Document("_id", added).append("n", 0));
            assertEquals(0, logs.find(Filters.eq("_id", added)).first().getInteger("n"));
            assertEquals(ids.size() + 1, logs.countDocuments());
        });

        try (ServedBackend again = new ServedBackend(EmbeddedH2Backend.inFile(file))) {
            MongoCollection<Document> logs = again.collection("logcheckresult");
            assertEquals(ids.size() + 1, logs.countDocuments(Filters.gte("n", 0)));
            assertEquals(4322, logs.find(Filters.eq("_id", ids.get(4321))).first().getInteger("n"));
        }
    }

    /** Serves the backend for the collection's use; stopping the server closes the backend. */
    private static void withCollection(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            use.accept(client.getDatabase("perfbridge").getCollection("logcheckresult"));
        } finally {
            server.shutdownNow();
        }
    }
}
