package org.perfbridge.storage.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A secondary (non-unique) index in H2, which mongo-java-server has none of: an ordered map of {@link IndexEntry}.
 * H2's B-tree counts its pages, so the number of entries between two keys and the entry at any rank cost a lookup
 * each; {@link IndexScan} pages and counts with that. mongo-java-server's own query path never uses it
 * ({@link #canHandle} is false): {@link EmbeddedCollection} plans the queries it serves.
 */
final class OrderedIndex extends Index<Object> {

    private static final String ID_FIELD = "_id";
    private static final Boolean PRESENT = Boolean.TRUE;

    private final MVStore store;
    private final MVMap<IndexEntry, Object> entries;

    private OrderedIndex(String name, List<IndexKey> keys, MVStore store, MVMap<IndexEntry, Object> entries) {
        super(name, keys, false);
        this.store = store;
        this.entries = entries;
    }

    static OrderedIndex open(MVStore store, String mapName, String name, List<IndexKey> keys) {
        boolean[] ascending = new boolean[keys.size()];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = keys.get(i).isAscending();
        }
        MVMap<IndexEntry, Object> map = store.openMap(mapName,
                new MVMap.Builder<IndexEntry, Object>().keyType(new IndexEntryType(ascending)));
        return new OrderedIndex(name, keys, store, map);
    }

    MVMap<IndexEntry, Object> entries() {
        return entries;
    }

    private IndexEntry entryOf(Document document, Object position) {
        List<String> fields = keys();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Object value = Utils.getSubdocumentValue(document, fields.get(i));
            if (value instanceof Collection) {
                throw new IllegalArgumentException("the embedded store indexes no array, and " + fields.get(i)
                        + " is one in the document with _id " + document.get(ID_FIELD));
            }
            values[i] = Missing.isNullOrMissing(value) ? null : value;
        }
        return IndexEntry.of(values, position);
    }

    private static Object positionOf(Document document) {
        return document.get(ID_FIELD);
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        entryOf(document, positionOf(document));
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        entries.put(entryOf(document, position), PRESENT);
    }

    @Override
    public Object remove(Document document) {
        Object position = positionOf(document);
        return entries.remove(entryOf(document, position)) == null ? null : position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("queries on " + getName() + " are planned by EmbeddedCollection");
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        entryOf(newDocument, positionOf(oldDocument));
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        IndexEntry before = entryOf(oldDocument, position);
        IndexEntry after = entryOf(newDocument, position);
        if (!Objects.equals(before, after)) {
            entries.remove(before);
            entries.put(after, PRESENT);
        }
    }

    @Override
    public void drop() {
        store.removeMap(entries);
    }
}
