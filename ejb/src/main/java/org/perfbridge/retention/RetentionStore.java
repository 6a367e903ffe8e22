package org.perfbridge.retention;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.perfbridge.sink.MetricSample;
import org.perfbridge.storage.DocumentJson;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.Page;
import org.perfbridge.storage.StoredCollection;

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
        storage.retention().insert(documents, samples.size() + " points for " + sink);
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
        for (Document document : storage.retention().find(filter, Projections.include("_id"))) {
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
        return storage.retention().first(Filters.eq("_id", id)).orElse(null);
    }

    public void delete(List<RetainedBatch> batches) {
        storage.retention().rewrite(batches.stream().map(RetainedBatch::id).toList(), Map.of());
    }

    /** Drops the sink's points with a timestamp before the given epoch second; answers how many. */
    public long deleteOlderThan(String sink, long epochSecond) {
        long dropped = 0;
        Trimming trimming = new Trimming();
        for (ObjectId id : ids(Filters.and(Filters.eq("sink", sink), Filters.lt("timestamp", epochSecond)))) {
            Optional<RetainedBatch> batch = batch(id);
            if (batch.isPresent()) {
                List<MetricSample> kept = batch.get().samplesFrom(epochSecond);
                trimming.keepOnly(batch.get(), kept);
                dropped += batch.get().size() - kept.size();
            }
        }
        trimming.write(storage.retention());
        return dropped;
    }

    /** Drops the sink's points retained first beyond the maximum count; answers how many. */
    public long deleteOldestBeyond(String sink, long maxPoints) {
        long excess = count(sink) - maxPoints;
        long dropped = 0;
        if (excess <= 0) {
            return 0;
        }
        Trimming trimming = new Trimming();
        for (Iterator<ObjectId> oldest = batchIds(sink).iterator(); dropped < excess && oldest.hasNext(); ) {
            Optional<RetainedBatch> batch = batch(oldest.next());
            if (batch.isPresent()) {
                int drop = (int) Math.min(batch.get().size(), excess - dropped);
                trimming.keepOnly(batch.get(), batch.get().samplesAfterTheFirst(drop));
                dropped += drop;
            }
        }
        trimming.write(storage.retention());
        return dropped;
    }

    /** The batches a bound empties or shortens, written together once the bound has gone through them. */
    private static final class Trimming {
        private final List<ObjectId> deletions = new ArrayList<>();
        private final Map<ObjectId, Document> replacements = new LinkedHashMap<>();

        void keepOnly(RetainedBatch batch, List<MetricSample> kept) {
            if (kept.isEmpty()) {
                deletions.add(batch.id());
            } else if (kept.size() < batch.size()) {
                replacements.put(batch.id(), new RetainedBatch(batch.id(), batch.sink(), kept).toDocument());
            }
        }

        void write(StoredCollection retention) {
            retention.rewrite(deletions, replacements);
        }
    }

    /** The points waiting for the sink. */
    public long count(String sink) {
        return storage.retention().sum(Filters.eq("sink", sink), "count");
    }

    /** One page of the waiting points, one item per point, oldest first; only the batches of the page are read whole. */
    public Page page(int page, int maxResults) {
        long skip = (long) (page - 1) * maxResults;
        long total = 0;
        List<Document> batches = storage.retention().find(new Document(), Projections.include("_id", "count"));
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
