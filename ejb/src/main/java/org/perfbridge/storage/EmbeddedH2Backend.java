package org.perfbridge.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.nio.file.Path;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with the keys of its unique indexes (every collection's {@code _id}) ordered by
 * {@link IndexKeyOrder} instead of by serialising them: the data files stay the same, the inserts get cheaper.
 */
public final class EmbeddedH2Backend extends H2Backend {

    private static final String INDEX_MAP_MARKER = "._index_";

    /** Over a store opened with other options than the defaults; for the store benchmark. */
    EmbeddedH2Backend(MVStore store) {
        super(store);
    }

    public static EmbeddedH2Backend inFile(Path file) {
        return new EmbeddedH2Backend(MVStore.open(file.toString()));
    }

    public static EmbeddedH2Backend inMemory() {
        return new EmbeddedH2Backend(MVStore.open(null));
    }

    /**
     * Opens the index maps of the database with {@link IndexKeyOrder} before mongo-java-server does: H2 hands an
     * open map to whoever opens it next by name, so its own plain {@code openMap} gets these.
     */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore store = getMvStore();
        store.getMapNames().stream().filter(name -> name.startsWith(databaseName + ".") && name.contains(INDEX_MAP_MARKER))
                .forEach(name -> openIndexMap(store, name));
        return new Database(databaseName, store, this);
    }

    private static void openIndexMap(MVStore store, String mapName) {
        store.openMap(mapName, new MVMap.Builder<Object, Object>().keyType(new IndexKeyOrder()));
    }

    /** Opens each new index's map the same way; the ones that exist are open already when its constructor reads them. */
    private static final class Database extends H2Database {
        private final MVStore store;

        Database(String name, MVStore store, EmbeddedH2Backend backend) {
            super(name, store, backend.getCursorRegistry());
            this.store = store;
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // null while the superclass constructor opens the indexes that exist: openOrCreateDatabase opened those
            if (store != null) {
                openIndexMap(store, getFullCollectionNamespace(collectionName) + INDEX_MAP_MARKER + indexName);
            }
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
