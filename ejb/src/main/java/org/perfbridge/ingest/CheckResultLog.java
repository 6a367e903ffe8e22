package org.perfbridge.ingest;

import com.mongodb.MongoException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.perfbridge.storage.DocumentJson;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.Page;
import org.perfbridge.storage.StorageUnavailableException;

/** Reads the {@code logcheckresult} log, newest check first. Filters match as plain values, never as query operators. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckResultLog {

    @Inject
    MongoStorage storage;

    public Page page(String hostName, String serviceName, int page, int maxResults) {
        List<Bson> filters = new ArrayList<>();
        if (hostName != null && !hostName.isEmpty()) {
            filters.add(Filters.eq("host_name", hostName));
        }
        if (serviceName != null && !serviceName.isEmpty()) {
            filters.add(Filters.eq("service_name", serviceName));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        try {
            List<JsonObject> items = new ArrayList<>();
            for (Document document : storage.logs().find(filter).sort(Sorts.descending("last_check", "_id"))
                    .skip((page - 1) * maxResults).limit(maxResults)) {
                items.add(DocumentJson.of(document));
            }
            return new Page(items, page, maxResults, storage.logs().countDocuments(filter));
        } catch (MongoException e) {
            throw StorageUnavailableException.ofRead("MongoDB could not be read: " + e.getMessage(), e);
        }
    }
}
