package org.perfbridge.ingest;

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
import org.perfbridge.config.Setting;
import org.perfbridge.config.Settings;
import org.perfbridge.storage.DocumentJson;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.Page;

/**
 * Reads the {@code logcheckresult} log, newest check first. Filters match as plain values, never as query operators.
 * A page is refused once its logs are longer than {@code api.max_response_bytes}: a thousand logs of 64 KB fields
 * would need more heap than WildFly has.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckResultLog {

    // the logs are read from the store this many at a time, so a page too large is refused before it is all read
    private static final int READ_BATCH = 50;

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
        long maxBytes = Settings.fromServer().integer(Setting.API_MAX_RESPONSE_BYTES);
        List<JsonObject> items = new ArrayList<>();
        long[] bytes = {0};
        storage.logs().readPage(filter, Sorts.descending("last_check", "_id"), (page - 1) * maxResults, maxResults, READ_BATCH,
                document -> {
                    bytes[0] += DocumentJson.approximateLength(document);
                    if (bytes[0] > maxBytes) {
                        throw new PageTooLargeException(items.size(), maxBytes);
                    }
                    items.add(DocumentJson.of(document));
                });
        return new Page(items, page, maxResults, storage.logs().count(filter));
    }
}
