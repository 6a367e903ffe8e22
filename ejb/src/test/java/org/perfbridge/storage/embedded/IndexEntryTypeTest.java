package org.perfbridge.storage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexEntryTypeTest {

    private static final List<Object> VALUES = Arrays.asList("", "a", "h1", "h10", "h2", "Z", "é", "\uD83D\uDE00", "host-7",
            0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 0, 1, -1, Integer.MAX_VALUE, 2.5, -0.0, 0.0,
            Instant.EPOCH, Instant.ofEpochMilli(1_700_000_000_123L), Instant.ofEpochMilli(-5),
            new ObjectId(new byte[12]), new ObjectId(), new ObjectId(), objectIdOfBytes((byte) 0xff),
            true, false, null, Missing.getInstance());

    @Test
    void ordersEveryPairOfValuesAsMongoJavaServerDoes() {
        List<String> wrong = new ArrayList<>();
        for (Object a : VALUES) {
            for (Object b : VALUES) {
                int expected = Integer.signum(ValueComparator.asc().compare(a, b));
                int actual = Integer.signum(IndexEntryType.compareValues(a, b));
                if (expected != actual) {
                    wrong.add(a + " vs " + b + ": " + actual + " instead of " + expected);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void ordersEntriesFieldByFieldEachInItsDirectionThenByPosition() {
        IndexEntryType type = new IndexEntryType(new boolean[] {true, false, true});
        ObjectId first = new ObjectId(new byte[12]);
        ObjectId second = objectIdOfBytes((byte) 1);
        IndexEntry olderOfH1 = IndexEntry.of(new Object[] {"h1", 100L}, second);
        IndexEntry newerOfH1 = IndexEntry.of(new Object[] {"h1", 200L}, first);
        IndexEntry sameTimeLaterId = IndexEntry.of(new Object[] {"h1", 200L}, second);
        IndexEntry ofH2 = IndexEntry.of(new Object[] {"h2", 300L}, first);

        assertEquals(-1, Integer.signum(type.compare(newerOfH1, olderOfH1)), "newest first within a host");
        assertEquals(-1, Integer.signum(type.compare(newerOfH1, sameTimeLaterId)), "then by position");
        assertEquals(-1, Integer.signum(type.compare(olderOfH1, ofH2)), "hosts ascending");
        assertEquals(-1, Integer.signum(type.compare(IndexEntry.low("h1"), newerOfH1)));
        assertEquals(1, Integer.signum(type.compare(IndexEntry.high("h1"), olderOfH1)));
        assertEquals(-1, Integer.signum(type.compare(IndexEntry.high("h1"), ofH2)));
    }

    private static ObjectId objectIdOfBytes(byte last) {
        byte[] bytes = new byte[12];
        bytes[11] = last;
        return new ObjectId(bytes);
    }
}
