package org.perfbridge.retention;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.StoredCollection;

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
        return collection().insertIfAbsent(new Document("_id", sink).append("holder", holder).append("until", until))
                || collection().updateFirst(
                        Filters.and(Filters.eq("_id", sink), Filters.or(Filters.eq("holder", holder), Filters.lt("until", now))),
                        Updates.combine(Updates.set("holder", holder), Updates.set("until", until)));
    }

    public void release(String sink) {
        collection().updateFirst(Filters.and(Filters.eq("_id", sink), Filters.eq("holder", holder)),
                Updates.set("until", new Date(0)));
    }

    private StoredCollection collection() {
        return storage.collection(COLLECTION);
    }
}
