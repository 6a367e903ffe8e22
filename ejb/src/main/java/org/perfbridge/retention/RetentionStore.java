package org.perfbridge.retention;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.perfbridge.sink.MetricSample;
import org.perfbridge.storage.DocumentJson;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.Page;
import org.perfbridge.storage.StorageUnavailableException;

/** The {@code timeseriesretention} collection: points waiting until their sink can take them. */
@ApplicationScoped
public class RetentionStore {

    private static final Bson OLDEST_FIRST = Sorts.ascending("timestamp", "_id");

    @Inject
    MongoStorage storage;

    /** Keeps the samples for the sink; throws when MongoDB cannot take them, so the caller must not drop them. */
    public void retain(String sink, List<MetricSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(samples.size());
        for (MetricSample sample : samples) {
            documents.add(new RetainedPoint(new ObjectId(), sink, sample).toDocument());
        }
        try {
            storage.retention().insertMany(documents);
            storage.makeDurable();
        } catch (MongoException e) {
            throw new StorageUnavailableException("MongoDB could not keep " + samples.size() + " points for " + sink, e);
        }
    }

    /**
     * A cursor over the sink's points, oldest first, at most {@code limit} of them: one sorted query serves many
     * batches (sorting again for each batch was what made redelivery slow on the embedded store).
     */
    public MongoCursor<Document> oldestFirst(String sink, int limit, int batchSize) {
        return storage.retention().find(Filters.eq("sink", sink)).sort(OLDEST_FIRST)
                .limit(limit).batchSize(batchSize).iterator();
    }

    public void delete(List<RetainedPoint> points) {
        deleteByIds(points.stream().map(RetainedPoint::id).toList());
    }

    /**
     * Deletes the documents one by one by id in a single bulk write: the embedded store finds each by its _id
     * index, where a {@code deleteMany} with {@code $in} scans the collection (0.2 ms per document).
     */
    private long deleteByIds(List<ObjectId> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        List<DeleteOneModel<Document>> deletes = new ArrayList<>(ids.size());
        ids.forEach(id -> deletes.add(new DeleteOneModel<>(Filters.eq("_id", id))));
        long deleted = storage.retention().bulkWrite(deletes, new BulkWriteOptions().ordered(false)).getDeletedCount();
        storage.makeDurable();
        return deleted;
    }

    /** Deletes the sink's points with a timestamp before the given epoch second; answers how many. */
    public long deleteOlderThan(String sink, long epochSecond) {
        long deleted = storage.retention().deleteMany(Filters.and(Filters.eq("sink", sink), Filters.lt("timestamp", epochSecond)))
                .getDeletedCount();
        storage.makeDurable();
        return deleted;
    }

    /** Deletes the sink's oldest points beyond the maximum count; answers how many. */
    public long deleteOldestBeyond(String sink, long maxPoints) {
        long excess = count(sink) - maxPoints;
        if (excess <= 0) {
            return 0;
        }
        List<ObjectId> ids = new ArrayList<>();
        for (Document document : storage.retention().find(Filters.eq("sink", sink)).sort(OLDEST_FIRST)
                .limit((int) Math.min(excess, Integer.MAX_VALUE)).projection(new Document("_id", 1))) {
            ids.add(document.getObjectId("_id"));
        }
        return deleteByIds(ids);
    }

    public long count(String sink) {
        return storage.retention().countDocuments(Filters.eq("sink", sink));
    }

    public Page page(int page, int maxResults) {
        List<jakarta.json.JsonObject> items = new ArrayList<>();
        for (Document document : storage.retention().find().sort(OLDEST_FIRST)
                .skip((page - 1) * maxResults).limit(maxResults)) {
            items.add(DocumentJson.of(document));
        }
        return new Page(items, page, maxResults, storage.retention().countDocuments());
    }
}
