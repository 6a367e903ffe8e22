package org.perfbridge.storage.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend made to hold a site: documents, ids and {@code _id} keys written compactly
 * ({@link StoredValueType}), secondary indexes kept ({@link OrderedIndex}) and used by the queries they serve
 * ({@link EmbeddedCollection}), and {@code countDocuments} answered from an index where one holds the count.
 */
public final class EmbeddedH2Backend extends H2Backend {

    // mongo-java-server's names for a collection's maps (package-private there)
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String META_MAP_PREFIX = "meta.";
    private static final String UNIQUE_INDEX_MARKER = "._index_";
    private static final String ORDERED_INDEX_MARKER = "._ordered_";
    private static final Document COUNT_STAGE =
            new Document("$group", new Document("_id", 1).append("n", new Document("$sum", 1)));

    /**
     * The store of the database under construction: H2Database opens the collections and indexes that exist from
     * its constructor, before a subclass's own fields are set.
     */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    /** Over a store opened with other options than the defaults; for the store benchmark. */
    EmbeddedH2Backend(MVStore store) {
        super(store);
    }

    /**
     * H2's page cache, in MB (its default is 16). Reads at a million logs turn the cache over within a second, so at
     * every young collection its pages are young objects that the collector copies: with 16 MB a pause copied about
     * 20 MB and took 28 ms on average, with 4 MB 14 MB and 16 ms, and the reads kept their p99 (docs/benchmarks.md).
     */
    static final int CACHE_MB = 4;

    /** How often the store commits by itself; the journal holds the logs in between. */
    public static final Duration COMMIT_EVERY = Duration.ofSeconds(15);

    /**
     * Pages are compressed (LZF): a log's index keys repeat its host and service names, and a commit rewrites whole
     * pages, so the file holds about a third of the bytes. H2 commits by itself every {@link #COMMIT_EVERY}, or
     * sooner once its write buffer is full: H2 sizes that buffer from the heap, 19 MB of pages in memory (about 1 MB
     * on disk) for WildFly's 512 MB, whatever its javadoc says of 1 MB.
     */
    public static EmbeddedH2Backend inFile(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).compress().cacheSize(CACHE_MB).open();
        store.setAutoCommitDelay((int) COMMIT_EVERY.toMillis());
        return new EmbeddedH2Backend(store);
    }

    public static EmbeddedH2Backend inMemory() {
        return new EmbeddedH2Backend(MVStore.open(null));
    }

    /**
     * Opens the maps of the database's unique indexes with {@link StoredValueType} before mongo-java-server does: H2
     * hands an open map to whoever opens it next by name, so its own plain {@code openMap} gets these.
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore store = getMvStore();
        store.getMapNames().stream().filter(name -> name.startsWith(databaseName + ".") && name.contains(UNIQUE_INDEX_MARKER))
                .forEach(name -> openCompactMap(store, name));
        OPENING.set(store);
        try {
            return new Database(databaseName, store, this);
        } finally {
            OPENING.remove();
        }
    }

    private static <K, V> MVMap<K, V> openCompactMap(MVStore store, String mapName) {
        return store.openMap(mapName, new MVMap.Builder<K, V>().keyType(StoredValueType.INSTANCE).valueType(StoredValueType.INSTANCE));
    }

    private static final class Database extends H2Database {

        private final MVStore store;

        Database(String name, MVStore store, EmbeddedH2Backend backend) {
            super(name, store, backend.getCursorRegistry());
            this.store = store;
        }

        private MVStore store() {
            return store != null ? store : OPENING.get();
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> data = openCompactMap(store(), DATA_MAP_PREFIX + fullName);
            MVMap<String, Object> meta = store().openMap(META_MAP_PREFIX + fullName);
            return new EmbeddedCollection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            openCompactMap(store(), getFullCollectionNamespace(collectionName) + UNIQUE_INDEX_MARKER + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return OrderedIndex.open(store(), getFullCollectionNamespace(collectionName) + ORDERED_INDEX_MARKER + indexName, indexName, keys);
        }

        /** Answers the driver's {@code countDocuments} from an index when one holds the count. */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
            if (command.equalsIgnoreCase("aggregate") && query.get("pipeline") instanceof List<?> pipeline
                    && pipeline.size() == 2 && COUNT_STAGE.equals(pipeline.get(1))
                    && pipeline.get(0) instanceof Document stage && stage.size() == 1 && stage.get("$match") instanceof Document filter) {
                String collectionName = query.get(command).toString();
                if (resolveCollection(collectionName, false) instanceof EmbeddedCollection collection) {
                    OptionalLong count = collection.countWithoutReading(filter);
                    if (count.isPresent()) {
                        return countResponse(getFullCollectionNamespace(collectionName), count.getAsLong());
                    }
                }
            }
            return super.handleCommand(channel, command, query, resolver, oplog);
        }

        private static Document countResponse(String namespace, long count) {
            List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
            Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", batch);
            Document response = new Document("cursor", cursor);
            Utils.markOkay(response);
            return response;
        }
    }
}
