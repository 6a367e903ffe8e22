package org.perfbridge.storage.embedded;

import java.util.Arrays;

/**
 * A key of an {@link OrderedIndex}: the document's values of the index's fields, then its position (its
 * {@code _id}), which makes every entry unique. A bound is a prefix of values that sorts before ({@code LOW}) or
 * after ({@code HIGH}) every entry starting with it; it is only looked up, never stored.
 */
record IndexEntry(Object[] values, Bound bound) {

    enum Bound {
        LOW(-1), ENTRY(0), HIGH(1);

        private final int order;

        Bound(int order) {
            this.order = order;
        }

        int order() {
            return order;
        }
    }

    static IndexEntry of(Object[] fieldValues, Object position) {
        Object[] values = Arrays.copyOf(fieldValues, fieldValues.length + 1);
        values[fieldValues.length] = position;
        return new IndexEntry(values, Bound.ENTRY);
    }

    static IndexEntry low(Object... prefix) {
        return new IndexEntry(prefix, Bound.LOW);
    }

    static IndexEntry high(Object... prefix) {
        return new IndexEntry(prefix, Bound.HIGH);
    }

    Object position() {
        return values[values.length - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IndexEntry entry && bound == entry.bound && Arrays.equals(values, entry.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 3 + bound.ordinal();
    }

    @Override
    public String toString() {
        return bound + Arrays.toString(values);
    }
}
