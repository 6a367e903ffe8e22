package org.perfbridge.retention;

import com.mongodb.MongoException;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.perfbridge.sink.MetricSample;
import org.perfbridge.storage.DocumentJson;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.Page;
import org.perfbridge.storage.StorageUnavailableException;

/**
 * The {@code timeseriesretention} collection: points waiting until their sink can take them, in batches
 * ({@link RetainedBatch}) in the order they were retained; oldest means retained first.
 */
@ApplicationScoped
public class RetentionStore {

    @Inject
    MongoStorage storage;

    /** Keeps the samples for the sink; throws when MongoDB cannot take them, so the caller must not drop them. */
    public void retain(String sink, List<MetricSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>();
        RetainedBatch.of(sink, samples).forEach(batch -> documents.add(batch.toDocument()));
        try {
            storage.retention().insertMany(documents);
            storage.makeDurable();
        } catch (MongoException e) {
            throw new StorageUnavailableException("MongoDB could not keep " + samples.size() + " points for " + sink, e);
        }
    }

    /**
     * The ids of the sink's retained batches, oldest first. Only the ids come back and the sorting is done here:
     * the embedded store would otherwise hold every batch of the sink in memory to sort them.
     */
    public List<ObjectId> batchIds(String sink) {
        return ids(Filters.eq("sink", sink));
    }

    private List<ObjectId> ids(Bson filter) {
        List<ObjectId> ids = new ArrayList<>();
        for (Document document : storage.retention().find(filter).projection(Projections.include("_id"))) {
            ids.add(document.getObjectId("_id"));
        }
        Collections.sort(ids);
        return ids;
    }

    /** The batch with the id, if it is still retained. */
    public Optional<RetainedBatch> batch(ObjectId id) {
        return Optional.ofNullable(document(id)).map(RetainedBatch::of);
    }

    private Document document(ObjectId id) {
        return storage.retention().find(Filters.eq("_id", id)).first();
    }

    public void delete(List<RetainedBatch> batches) {
        deleteByIds(batches.stream().map(RetainedBatch::id).toList());
        storage.makeDurable();
    }

    /**
     * Deletes the documents one by one by id in a single bulk write: the embedded store finds each by its _id
     * index, where a {@code deleteMany} with {@code $in} scans the collection.
     */
    private void deleteByIds(List<ObjectId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<DeleteOneModel<Document>> deletes = new ArrayList<>(ids.size());
        ids.forEach(id -> deletes.add(new DeleteOneModel<>(Filters.eq("_id", id))));
        storage.retention().bulkWrite(deletes, new BulkWriteOptions().ordered(false));
    }

    /** Drops the sink's points with a timestamp before the given epoch second; answers how many. */
    public long deleteOlderThan(String sink, long epochSecond) {
        long dropped = 0;
        for (ObjectId id : ids(Filters.and(Filters.eq("sink", sink), Filters.lt("timestamp", epochSecond)))) {
            Optional<RetainedBatch> batch = batch(id);
            if (batch.isPresent()) {
                List<MetricSample> kept = batch.get().samplesFrom(epochSecond);
                keepOnly(batch.get(), kept);
                dropped += batch.get().size() - kept.size();
            }
        }
        storage.makeDurable();
        return dropped;
    }

    /** Drops the sink's points retained first beyond the maximum count; answers how many. */
    public long deleteOldestBeyond(String sink, long maxPoints) {
        long excess = count(sink) - maxPoints;
        long dropped = 0;
        if (excess <= 0) {
            return 0;
        }
        for (Iterator<ObjectId> oldest = batchIds(sink).iterator(); dropped < excess && oldest.hasNext(); ) {
            Optional<RetainedBatch> batch = batch(oldest.next());
            if (batch.isPresent()) {
                int drop = (int) Math.min(batch.get().size(), excess - dropped);
                keepOnly(batch.get(), batch.get().samplesAfterTheFirst(drop));
                dropped += drop;
            }
        }
        storage.makeDurable();
        return dropped;
    }

    private void keepOnly(RetainedBatch batch, List<MetricSample> kept) {
        if (kept.isEmpty()) {
            deleteByIds(List.of(batch.id()));
        } else if (kept.size() < batch.size()) {
            storage.retention().replaceOne(Filters.eq("_id", batch.id()), new RetainedBatch(batch.id(), batch.sink(), kept).toDocument());
        }
    }

    /** The points waiting for the sink. */
    public long count(String sink) {
        Document total = storage.retention().aggregate(List.of(Aggregates.match(Filters.eq("sink", sink)),
                Aggregates.group(null, Accumulators.sum("points", "$count")))).first();
        return total == null ? 0 : ((Number) total.get("points")).longValue();
    }

    /** One page of the waiting points, one item per point, oldest first; only the batches of the page are read whole. */
    public Page page(int page, int maxResults) {
        long skip = (long) (page - 1) * maxResults;
        long total = 0;
        List<Document> batches = new ArrayList<>();
        storage.retention().find().projection(Projections.include("_id", "count")).into(batches);
        batches.sort(Comparator.comparing(batch -> batch.getObjectId("_id")));
        List<jakarta.json.JsonObject> items = new ArrayList<>();
        for (Document batch : batches) {
            int count = batch.getInteger("count");
            if (total + count > skip && items.size() < maxResults) {
                Document document = document(batch.getObjectId("_id"));
                List<Document> points = document == null ? List.of() : RetainedBatch.points(document);
                for (int i = (int) Math.max(0, skip - total); i < points.size() && items.size() < maxResults; i++) {
                    Document point = new Document("batch_id", document.get("_id")).append("sink", document.get("sink"));
                    point.putAll(points.get(i));
                    items.add(DocumentJson.of(point.append("retained_at", document.get("retained_at"))));
                }
            }
            total += count;
        }
        return new Page(items, page, maxResults, total);
    }
}
