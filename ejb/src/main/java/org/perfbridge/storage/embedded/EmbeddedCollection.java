package org.perfbridge.storage.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.OptionalLong;
import org.h2.mvstore.MVMap;

/**
 * mongo-java-server's H2 collection, with the queries that an {@link OrderedIndex} serves read from it: a page of the
 * newest logs of a host reads that page, not the whole collection sorted in the heap under the collection's lock.
 * Every other query goes the way mongo-java-server goes.
 */
final class EmbeddedCollection extends H2Collection {

    EmbeddedCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> dataMap,
                       MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, name, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        IndexScan scan = IndexScan.plan(orderedIndexes(), query, orderBy);
        if (scan == null) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        int wanted = Math.abs(limit);
        if (scan.exact()) {
            return matchDocumentsFromStream(scan.positions(numberToSkip, wanted).map(this::getDocument),
                    new Document(), null, 0, 0, batchSize, fieldSelector);
        }
        return matchDocumentsFromStream(scan.positions(0, 0).map(this::getDocument),
                query, null, numberToSkip, wanted, batchSize, fieldSelector);
    }

    /** The number of documents matching the query, when an index or the collection's size tells it without reading them. */
    synchronized OptionalLong countWithoutReading(Document query) {
        if (query.isEmpty()) {
            return OptionalLong.of(count());
        }
        IndexScan scan = IndexScan.plan(orderedIndexes(), query, null);
        return scan != null && scan.exact() ? OptionalLong.of(scan.count()) : OptionalLong.empty();
    }

    /**
     * Keeps no running total of the documents' BSON size: it costs an encoding of every document and a write to the
     * collection's metadata per insert, and only {@code collStats} shows it.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    private List<OrderedIndex> orderedIndexes() {
        return getIndexes().stream().filter(OrderedIndex.class::isInstance).map(OrderedIndex.class::cast).toList();
    }
}
