package org.perfbridge.storage.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Iterator;
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
            Iterator<Object> positions = scan.positions(numberToSkip, wanted).iterator();
            List<Document> firstBatch = fetch(positions, batchSize > 0 ? batchSize : Integer.MAX_VALUE, fieldSelector);
            if (!positions.hasNext()) {
                return new QueryResult(firstBatch);
            }
            Cursor rest = new FetchingCursor(cursorRegistry.generateCursorId(), positions, fieldSelector);
            cursorRegistry.add(rest);
            return new QueryResult(firstBatch, rest);
        }
        return matchDocumentsFromStream(scan.positions(0, 0).map(this::getDocument),
                query, null, numberToSkip, wanted, batchSize, fieldSelector);
    }

    /** Reads the documents at the next positions, at most {@code count}; one deleted meanwhile is passed over. */
    private List<Document> fetch(Iterator<Object> positions, int count, Document fieldSelector) {
        List<Document> documents = new ArrayList<>();
        while (documents.size() < count && positions.hasNext()) {
            Document document = getDocument(positions.next());
            if (document != null) {
                documents.add(document);
            }
        }
        return matchDocumentsFromStream(documents.stream(), new Document(), null, 0, 0, 0, fieldSelector).collectDocuments();
    }

    /**
     * The rest of an index scan, read a batch at a time as the client asks for it: mongo-java-server's own cursor
     * holds every document of the answer in the heap at once, and a page of large logs can be hundreds of megabytes.
     */
    private final class FetchingCursor extends AbstractCursor {
        private final Iterator<Object> positions;
        private final Document fieldSelector;

        FetchingCursor(long id, Iterator<Object> positions, Document fieldSelector) {
            super(id);
            this.positions = positions;
            this.fieldSelector = fieldSelector;
        }

        @Override
        public synchronized boolean isEmpty() {
            return !positions.hasNext();
        }

        @Override
        public synchronized List<Document> takeDocuments(int numberToReturn) {
            return fetch(positions, numberToReturn, fieldSelector);
        }
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
