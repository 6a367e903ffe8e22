package org.perfbridge.retention;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.perfbridge.sink.RejectedSample;
import org.perfbridge.storage.DocumentJson;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.Page;
import org.perfbridge.storage.StoredCollection;

/**
 * The {@code timeseriesdeadletter} collection: points a sink refused for good, with its reason. They are not
 * retried (that could never succeed); an operator sees them in the API and the status report.
 */
@ApplicationScoped
public class DeadLetterStore {

    private static final Logger LOG = Logger.getLogger(DeadLetterStore.class.getName());
    static final String COLLECTION = "timeseriesdeadletter";

    @Inject
    MongoStorage storage;

    public void keep(String sink, List<RejectedSample> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(rejected.size());
        for (RejectedSample sample : rejected) {
            documents.add(new RetainedPoint(new ObjectId(), sink, sample.sample()).toDocument()
                    .append("reason", sample.reason())
                    .append("rejected_at", new Date()));
        }
        collection().insert(documents, rejected.size() + " refused points for " + sink);
        LOG.log(Level.WARNING, "{0} refused {1} points for good, kept in {2}; first: {3}",
                new Object[] {sink, rejected.size(), COLLECTION, rejected.get(0).reason()});
    }

    public long count(String sink) {
        return collection().count(Filters.eq("sink", sink));
    }

    public Page page(int page, int maxResults) {
        List<JsonObject> items = new ArrayList<>();
        collection().readPage(new Document(), Sorts.descending("rejected_at", "_id"), (page - 1) * maxResults, maxResults, maxResults,
                document -> items.add(DocumentJson.of(document)));
        return new Page(items, page, maxResults, collection().count(new Document()));
    }

    private StoredCollection collection() {
        return storage.collection(COLLECTION);
    }
}
