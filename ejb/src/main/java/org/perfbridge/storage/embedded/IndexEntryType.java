package org.perfbridge.storage.embedded;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/** Orders and stores the entries of one {@link OrderedIndex}: each field in its direction, then the position ascending. */
final class IndexEntryType extends BasicDataType<IndexEntry> {

    private static final ValueComparator VALUES = ValueComparator.asc();

    private final boolean[] ascending;

    IndexEntryType(boolean[] ascending) {
        this.ascending = ascending.clone();
    }

    @Override
    public int compare(IndexEntry a, IndexEntry b) {
        Object[] first = a.values();
        Object[] second = b.values();
        int common = Math.min(first.length, second.length);
        for (int i = 0; i < common; i++) {
            int order = compareValues(first[i], second[i]);
            if (order != 0) {
                return i < ascending.length && !ascending[i] ? -order : order;
            }
        }
        if (first.length == second.length) {
            return Integer.compare(a.bound().order(), b.bound().order());
        }
        // the shorter one is a bound, before or after every entry it is a prefix of
        return first.length < second.length ? boundOrder(a) : -boundOrder(b);
    }

    /**
     * As {@link ValueComparator} orders them. It finds a value's type by walking a list of classes, which took 3 % of
     * WildFly's CPU under single POSTs (async-profiler; each insert descends five index B-trees): two values of one of the
     * types logs are indexed by are compared directly.
     */
    static int compareValues(Object a, Object b) {
        if (a != null && b != null && a.getClass() == b.getClass()) {
            if (a instanceof String text) {
                return text.compareTo((String) b);
            }
            if (a instanceof Long number) {
                return Long.compare(number, (Long) b);
            }
            if (a instanceof Integer number) {
                return Integer.compare(number, (Integer) b);
            }
            if (a instanceof Instant time) {
                return time.compareTo((Instant) b);
            }
            if (a instanceof ObjectId id) {
                return id.compareTo((ObjectId) b);
            }
        }
        return VALUES.compare(a, b);
    }

    private static int boundOrder(IndexEntry prefix) {
        return prefix.bound() == IndexEntry.Bound.HIGH ? 1 : -1;
    }

    @Override
    public int getMemory(IndexEntry entry) {
        int bytes = 48;
        for (Object value : entry.values()) {
            bytes += 8 + StoredValueType.estimatedHeapBytes(value);
        }
        return bytes;
    }

    @Override
    public void write(WriteBuffer buff, IndexEntry entry) {
        if (entry.bound() != IndexEntry.Bound.ENTRY) {
            throw new IllegalArgumentException("a bound is never stored: " + entry);
        }
        buff.putVarInt(entry.values().length);
        for (Object value : entry.values()) {
            StoredValueType.INSTANCE.write(buff, value);
        }
    }

    @Override
    public IndexEntry read(ByteBuffer buff) {
        Object[] values = new Object[DataUtils.readVarInt(buff)];
        for (int i = 0; i < values.length; i++) {
            values[i] = StoredValueType.INSTANCE.read(buff);
        }
        return new IndexEntry(values, IndexEntry.Bound.ENTRY);
    }

    @Override
    public IndexEntry[] createStorage(int size) {
        return new IndexEntry[size];
    }
}
