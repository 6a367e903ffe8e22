package org.perfbridge.storage.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import org.bson.Document;

/** A backend served on a free loopback port, with a driver connected to it; closing stops both and closes the backend. */
public final class ServedBackend implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;

    public ServedBackend(MongoBackend backend) {
        server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public MongoCollection<Document> collection(String name) {
        return client.getDatabase("perfbridge").getCollection(name);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
