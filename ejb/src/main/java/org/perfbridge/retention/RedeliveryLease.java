package org.perfbridge.retention;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.perfbridge.storage.MongoStorage;

/**
 * A lease in MongoDB on redelivering one sink's retention: of several servers sharing one MongoDB, only the
 * holder sends that sink's retained points, so no two send the same entry. A lease not renewed expires, so a
 * crashed holder blocks nobody for long.
 */
@ApplicationScoped
public class RedeliveryLease {

    static final String COLLECTION = "redeliverylease";

    private final String holder = UUID.randomUUID().toString();

    @Inject
    MongoStorage storage;

    /** Takes or renews the lease on the sink for the duration; false when another server holds it. */
    public boolean acquire(String sink, Duration duration) {
        Date now = new Date();
        Date until = new Date(now.getTime() + duration.toMillis());
        try {
            collection().insertOne(new Document("_id", sink).append("holder", holder).append("until", until));
            return true;
        } catch (MongoWriteException alreadyThere) {
            Document taken = collection().findOneAndUpdate(
                    Filters.and(Filters.eq("_id", sink), Filters.or(Filters.eq("holder", holder), Filters.lt("until", now))),
                    Updates.combine(Updates.set("holder", holder), Updates.set("until", until)));
            return taken != null;
        }
    }

    public void release(String sink) {
        collection().updateOne(Filters.and(Filters.eq("_id", sink), Filters.eq("holder", holder)),
                Updates.set("until", new Date(0)));
    }

    private MongoCollection<Document> collection() {
        return storage.collection(COLLECTION);
    }
}
