package org.perfbridge.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;

/** Reads perfbridge's MongoDB directly (the embedded one of the test server, on the port test-settings.cli gives it). */
public final class Store {

    private static final MongoClient CLIENT = MongoClients.create(System.getProperty("it.mongo.uri", "mongodb://127.0.0.1:27118"));

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
