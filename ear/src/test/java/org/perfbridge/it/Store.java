package org.perfbridge.it;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;

/** Reads perfbridge's MongoDB directly (the embedded one of the test server, on the port test-settings.cli gives it). */
public final class Store {

    // Each test class redeploys perfbridge, which restarts the embedded server. mongo-java-server's shutdown once left
    // a pooled connection of this client open with nobody reading it, and a count waited on it for 50 minutes.
    // With a read timeout the driver drops that connection and retries the read on a new one.
    private static final MongoClient CLIENT = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(System.getProperty("it.mongo.uri", "mongodb://127.0.0.1:27118")))
            .applyToSocketSettings(socket -> socket.readTimeout(20, TimeUnit.SECONDS)).build());

    private Store() {
    }

    public static com.mongodb.client.MongoDatabase database() {
        return CLIENT.getDatabase("alignak");
    }

    public static MongoCollection<Document> logs() {
        return CLIENT.getDatabase("alignak").getCollection("logcheckresult");
    }

    public static MongoCollection<Document> retention() {
        return CLIENT.getDatabase("alignak").getCollection("timeseriesretention");
    }

    /** The points of the host waiting for the sink, in all of the sink's retained batches (points as BSON sequences, a very large one as a sub-document). */
    public static long retainedFor(String sink, String host) {
        long points = 0;
        for (Document batch : retention().find(Filters.eq("sink", sink))) {
            for (Object part : batch.getList("points", Object.class)) {
                if (part instanceof Document point) {
                    points += host.equals(point.getString("host")) ? 1 : 0;
                    continue;
                }
                ByteBuffer bson = ByteBuffer.wrap(((Binary) part).getData()).order(ByteOrder.LITTLE_ENDIAN);
                while (bson.hasRemaining()) {
                    byte[] point = new byte[bson.getInt(bson.position())];
                    bson.get(point);
                    points += host.equals(new RawBsonDocument(point).getString("host").getValue()) ? 1 : 0;
                }
            }
        }
        return points;
    }
}
