package org.perfbridge.it;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

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

    public static long retainedFor(String sink, String host) {
        return retention().countDocuments(Filters.and(Filters.eq("sink", sink), Filters.eq("host", host)));
    }
}
