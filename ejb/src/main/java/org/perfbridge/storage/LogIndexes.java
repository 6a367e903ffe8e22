package org.perfbridge.storage;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;

/** The indexes of {@code logcheckresult}: one per shape of the API's reads, and one by creation time for expiry. */
final class LogIndexes {

    static final String CREATED = "_created";
    static final List<Bson> QUERIES = List.of(
            Indexes.compoundIndex(Indexes.ascending("host_name"), newestFirst()),
            Indexes.compoundIndex(Indexes.ascending("host_name", "service_name"), newestFirst()),
            Indexes.compoundIndex(Indexes.ascending("service_name"), newestFirst()),
            newestFirst());

    private static final Logger LOG = Logger.getLogger(LogIndexes.class.getName());
    private static final String EXPIRY_INDEX = CREATED + "_1";
    // the indexes of earlier versions, which left the page's order to a sort of everything matched
    private static final Set<String> REPLACED = Set.of("host_name_1_service_name_1_last_check_-1", "last_check_-1");
    private static final int INDEX_OPTIONS_CONFLICT = 85;

    private LogIndexes() {
    }

    private static Bson newestFirst() {
        return Indexes.descending("last_check", "_id");
    }

    static void dropReplaced(MongoCollection<Document> logs) {
        for (Document index : logs.listIndexes()) {
            String name = index.getString("name");
            if (REPLACED.contains(name)) {
                logs.dropIndex(name);
                LOG.info("dropped the index " + name + " of an earlier version");
            }
        }
    }

    /**
     * The index by creation time, a TTL index when logs expire by age: a real MongoDB deletes them itself; the
     * embedded store, which has no TTL, pages through it ({@link LogExpiry}). A changed age replaces the index.
     */
    static void ensureExpiry(MongoCollection<Document> logs, int maxAgeDays) {
        IndexOptions options = new IndexOptions();
        if (maxAgeDays > 0) {
            options.expireAfter(TimeUnit.DAYS.toSeconds(maxAgeDays), TimeUnit.SECONDS);
        }
        try {
            logs.createIndex(Indexes.ascending(CREATED), options);
        } catch (MongoCommandException e) {
            if (e.getErrorCode() != INDEX_OPTIONS_CONFLICT) {
                throw e;
            }
            logs.dropIndex(EXPIRY_INDEX);
            logs.createIndex(Indexes.ascending(CREATED), options);
            LOG.info("logs.max_age_days changed to " + maxAgeDays + ": the expiry index " + EXPIRY_INDEX + " was made anew");
        }
    }
}
