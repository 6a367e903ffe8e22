package org.perfbridge.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Keeps the in-memory store's logs to about the newest {@code max}: every log held there stays in the heap, and
 * mongo-java-server has no capped collections. Deletes the oldest a batch at a time, once a batch is over the bound,
 * each by its {@code _id}, which the unique index finds: a range on {@code _id} reads the whole collection, and
 * {@code $in} compares every document it finds with every id in the list.
 */
final class NewestLogsOnly {

    static final int DELETE_BATCH = 1000;

    private final int max;
    private final ArrayDeque<Object> idsOldestFirst = new ArrayDeque<>();

    NewestLogsOnly(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the in-memory store must keep at least one log, not " + max);
        }
        this.max = max;
    }

    /** Call after the documents were inserted, in the order they were. A delete that fails keeps its ids for the next call. */
    synchronized void inserted(MongoCollection<Document> logs, List<Document> documents) {
        documents.forEach(document -> idsOldestFirst.addLast(document.get("_id")));
        while (idsOldestFirst.size() - max >= DELETE_BATCH) {
            List<DeleteOneModel<Document>> oldest = new ArrayList<>(DELETE_BATCH);
            idsOldestFirst.stream().limit(DELETE_BATCH).forEach(id -> oldest.add(new DeleteOneModel<>(Filters.eq("_id", id))));
            logs.bulkWrite(oldest, new BulkWriteOptions().ordered(false));
            oldest.forEach(deleted -> idsOldestFirst.removeFirst());
        }
    }
}
