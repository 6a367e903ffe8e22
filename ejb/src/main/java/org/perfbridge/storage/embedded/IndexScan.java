package org.perfbridge.storage.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.h2.mvstore.MVMap;

/**
 * How one query is answered from an {@link OrderedIndex}: the entries between two bounds, read forwards or
 * backwards. It serves a query whose fields are an equality on each of the index's leading fields, then at most a
 * range on the next one, and whose sort follows the index's remaining fields (or all of them reversed). With
 * equalities only, every entry in the bounds matches, so skipping and counting go by rank in the B-tree without
 * reading a document; with a range, the documents are still checked, since the index orders values of all types
 * together and MongoDB compares within one type.
 */
final class IndexScan {

    private static final Set<String> RANGE_OPERATORS = Set.of("$lt", "$lte", "$gt", "$gte");
    private static final String ID_FIELD = "_id";

    private final MVMap<IndexEntry, Object> entries;
    private final IndexEntry from;
    private final IndexEntry to;
    private final boolean reverse;
    private final boolean exact;

    private IndexScan(MVMap<IndexEntry, Object> entries, IndexEntry from, IndexEntry to, boolean reverse, boolean exact) {
        this.entries = entries;
        this.from = from;
        this.to = to;
        this.reverse = reverse;
        this.exact = exact;
    }

    /** The scan of the index that serves the query best, or null when none serves it. */
    static IndexScan plan(List<OrderedIndex> indexes, Document query, Document orderBy) {
        Map<String, Object> conditions = conditionsOf(query);
        if (conditions == null) {
            return null;
        }
        IndexScan best = null;
        int bestFields = -1;
        for (OrderedIndex index : indexes) {
            List<IndexKey> keys = index.getKeys();
            int equalities = 0;
            while (equalities < keys.size() && isEquality(conditions.get(keys.get(equalities).getKey()))) {
                equalities++;
            }
            Document range = equalities < keys.size() && conditions.get(keys.get(equalities).getKey()) instanceof Document r ? r : null;
            int used = equalities + (range == null ? 0 : 1);
            if (used != conditions.size() || used <= bestFields) {
                continue;
            }
            Boolean reverse = direction(keys.subList(equalities, keys.size()), orderBy);
            if (reverse == null) {
                continue;
            }
            Object[] prefix = new Object[equalities];
            for (int i = 0; i < equalities; i++) {
                prefix[i] = conditions.get(keys.get(i).getKey());
            }
            IndexEntry[] bounds = range == null
                    ? new IndexEntry[] {IndexEntry.low(prefix), IndexEntry.high(prefix)}
                    : rangeBounds(prefix, range, keys.get(equalities).isAscending());
            best = new IndexScan(index.entries(), bounds[0], bounds[1], reverse, range == null);
            bestFields = used;
        }
        return best;
    }

    /** Every match is in the bounds and every entry in the bounds matches: skip and count by rank. */
    boolean exact() {
        return exact;
    }

    long count() {
        return Math.max(0, rank(to) - rank(from));
    }

    /** The positions in the scan's order, after {@code skip} of them, at most {@code limit} (0: all). */
    Stream<Object> positions(long skip, long limit) {
        long first = rank(from);
        long available = rank(to) - first - skip;
        if (available <= 0) {
            return Stream.empty();
        }
        long taken = limit > 0 ? Math.min(limit, available) : available;
        IndexEntry start = entries.getKey(reverse ? first + skip + available - 1 : first + skip);
        Iterator<IndexEntry> keys = entries.cursor(start, null, reverse);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(keys, Spliterator.ORDERED), false)
                .limit(taken)
                .map(IndexEntry::position);
    }

    /** The number of entries before the bound, which is never an entry itself. */
    private long rank(IndexEntry bound) {
        return -entries.getKeyIndex(bound) - 1;
    }

    private static IndexEntry[] rangeBounds(Object[] prefix, Document range, boolean ascending) {
        IndexEntry lowest = IndexEntry.low(prefix);
        IndexEntry highest = IndexEntry.high(prefix);
        for (Map.Entry<String, Object> operator : range.entrySet()) {
            Object[] values = withValue(prefix, operator.getValue());
            // in a descending field the greater values come first
            boolean lowerLimit = operator.getKey().startsWith("$gt") == ascending;
            boolean inclusive = operator.getKey().endsWith("e");
            if (lowerLimit) {
                lowest = inclusive ? IndexEntry.low(values) : IndexEntry.high(values);
            } else {
                highest = inclusive ? IndexEntry.high(values) : IndexEntry.low(values);
            }
        }
        return new IndexEntry[] {lowest, highest};
    }

    private static Object[] withValue(Object[] prefix, Object value) {
        Object[] values = Arrays.copyOf(prefix, prefix.length + 1);
        values[prefix.length] = value;
        return values;
    }

    /**
     * Whether the sort follows the keys forwards (false) or backwards (true), the position (ascending) coming after
     * the keys; null when it does not follow them.
     */
    private static Boolean direction(List<IndexKey> remainingKeys, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return Boolean.FALSE;
        }
        List<IndexKey> order = new ArrayList<>(remainingKeys);
        order.add(new IndexKey(ID_FIELD, true));
        Boolean reverse = null;
        int i = 0;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            if (i >= order.size() || !order.get(i).getKey().equals(sort.getKey()) || !(sort.getValue() instanceof Number n)
                    || Math.abs(n.doubleValue()) != 1) {
                return null;
            }
            boolean backwards = (n.doubleValue() > 0) != order.get(i).isAscending();
            if (reverse != null && reverse != backwards) {
                return null;
            }
            reverse = backwards;
            i++;
        }
        return reverse;
    }

    /** The query's conditions by field, with {@code $and} flattened; null when a part of it is not plannable. */
    private static Map<String, Object> conditionsOf(Document query) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        return collect(query, conditions) ? conditions : null;
    }

    private static boolean collect(Document query, Map<String, Object> conditions) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String field = condition.getKey();
            Object value = condition.getValue();
            if (field.equals("$and") && value instanceof List<?> parts) {
                for (Object part : parts) {
                    if (!(part instanceof Document document) || !collect(document, conditions)) {
                        return false;
                    }
                }
            } else if (field.startsWith("$") || conditions.containsKey(field)
                    || !(isEquality(value) || isRange(value))) {
                return false;
            } else {
                conditions.put(field, value);
            }
        }
        return true;
    }

    private static boolean isEquality(Object value) {
        return value instanceof String || value instanceof Number || value instanceof ObjectId
                || value instanceof Boolean || value instanceof Instant;
    }

    private static boolean isRange(Object value) {
        return value instanceof Document range && !range.isEmpty()
                && range.entrySet().stream().allMatch(e -> RANGE_OPERATORS.contains(e.getKey()) && isEquality(e.getValue()));
    }
}
