package org.perfbridge.retention;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.perfbridge.sink.MetricSample;
import org.perfbridge.storage.DocumentJson;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.Page;
import org.perfbridge.storage.StorageUnavailableException;

/** The {@code timeseriesretention} collection: points waiting until their sink can take them. */
@ApplicationScoped
public class RetentionStore {

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

    /** The oldest points waiting for the sink, by timestamp, then by the order they were retained in. */
    public List<RetainedPoint> oldest(String sink, int limit) {
        List<RetainedPoint> points = new ArrayList<>(limit);
        for (Document document : storage.retention().find(Filters.eq("sink", sink))
                .sort(Sorts.ascending("timestamp", "_id")).limit(limit)) {
            points.add(RetainedPoint.of(document));
        }
        return points;
    }

    public void delete(List<RetainedPoint> points) {
        List<ObjectId> ids = new ArrayList<>(points.size());
        points.forEach(point -> ids.add(point.id()));
        storage.retention().deleteMany(Filters.in("_id", ids));
        storage.makeDurable();
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
        for (Document document : storage.retention().find(Filters.eq("sink", sink)).sort(Sorts.ascending("timestamp", "_id"))
                .limit((int) Math.min(excess, Integer.MAX_VALUE)).projection(new Document("_id", 1))) {
            ids.add(document.getObjectId("_id"));
        }
        long deleted = storage.retention().deleteMany(Filters.in("_id", ids)).getDeletedCount();
        storage.makeDurable();
        return deleted;
    }

    public long count(String sink) {
        return storage.retention().countDocuments(Filters.eq("sink", sink));
    }

    public Page page(int page, int maxResults) {
        List<jakarta.json.JsonObject> items = new ArrayList<>();
        for (Document document : storage.retention().find().sort(Sorts.ascending("timestamp", "_id"))
                .skip((page - 1) * maxResults).limit(maxResults)) {
            items.add(DocumentJson.of(document));
        }
        return new Page(items, page, maxResults, storage.retention().countDocuments());
    }
}
