package org.perfbridge.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * A collection behind the few operations perfbridge makes on it. A read or write MongoDB refuses arrives as
 * {@link StorageUnavailableException}, with the reason a client is told, and a write is durable when it returns
 * (the embedded store commits; a real MongoDB acknowledged it already).
 */
public final class StoredCollection {

    private final MongoCollection<Document> collection;
    private final MongoStorage storage;

    StoredCollection(MongoCollection<Document> collection, MongoStorage storage) {
        this.collection = collection;
        this.storage = storage;
    }

    /** Inserts the documents; {@code what} names them in the failure. */
    public void insert(List<Document> documents, String what) {
        write("MongoDB could not keep " + what, () -> collection.insertMany(documents));
    }

    /** Deletes the documents with these ids and replaces others whole, in one write. */
    public void rewrite(List<ObjectId> deletions, Map<ObjectId, Document> replacements) {
        if (deletions.isEmpty() && replacements.isEmpty()) {
            return;
        }
        // one by one by id: the embedded store finds each by its _id index, where $in would scan the collection
        List<WriteModel<Document>> writes = new ArrayList<>(deletions.size() + replacements.size());
        deletions.forEach(id -> writes.add(new DeleteOneModel<>(Filters.eq("_id", id))));
        replacements.forEach((id, document) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), document)));
        write("MongoDB could not delete " + deletions.size() + " and rewrite " + replacements.size() + " documents",
                () -> collection.bulkWrite(writes, new BulkWriteOptions().ordered(false)));
    }

    /**
     * Inserts the document unless one with its {@code _id} is there; answers whether it did. Not made durable: it is
     * for short-lived records such as a lease, which a crash simply lets expire.
     */
    public boolean insertIfAbsent(Document document) {
        return unacknowledged(() -> {
            try {
                collection.insertOne(document);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Updates the first document that matches and answers whether one did; not made durable, as above. */
    public boolean updateFirst(Bson filter, Bson update) {
        return unacknowledged(() -> collection.findOneAndUpdate(filter, update) != null);
    }

    /** The documents that match, with only the projected fields. */
    public List<Document> find(Bson filter, Bson projection) {
        return read(() -> collection.find(filter).projection(projection).into(new ArrayList<>()));
    }

    public Optional<Document> first(Bson filter) {
        return read(() -> Optional.ofNullable(collection.find(filter).first()));
    }

    /**
     * Hands the documents of one page to the reader as they arrive, a batch at a time, so that the reader can stop
     * (by throwing) before a page too large is all in the heap.
     */
    public void readPage(Bson filter, Bson sort, int skip, int limit, int batchSize, Consumer<Document> reader) {
        read(() -> {
            collection.find(filter).sort(sort).skip(skip).limit(limit).batchSize(batchSize).forEach(reader);
            return null;
        });
    }

    public long count(Bson filter) {
        return read(() -> collection.countDocuments(filter));
    }

    /** The sum of a numeric field over the documents that match. */
    public long sum(Bson filter, String field) {
        Document total = read(() -> collection.aggregate(List.of(Aggregates.match(filter),
                Aggregates.group(null, Accumulators.sum("total", "$" + field)))).first());
        return total == null ? 0 : ((Number) total.get("total")).longValue();
    }

    private void write(String failure, Runnable write) {
        try {
            write.run();
        } catch (MongoException e) {
            throw storage.unavailable(failure + ": " + e.getMessage(), e);
        }
        storage.makeDurable();
    }

    private <T> T unacknowledged(Supplier<T> write) {
        try {
            return write.get();
        } catch (MongoException e) {
            throw storage.unavailable("MongoDB refused a write: " + e.getMessage(), e);
        }
    }

    private static <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (MongoException e) {
            throw StorageUnavailableException.ofRead("MongoDB could not be read: " + e.getMessage(), e);
        }
    }
}
