package org.perfbridge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.Random;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class IndexKeyOrderTest {

    private final ObjectDataType serialisingOrder = new ObjectDataType();
    private final IndexKeyOrder order = new IndexKeyOrder();

    @Test
    void ordersObjectIdKeysAsTheirSerialisedFormsAreOrdered() {
        Random random = new Random(20261125);
        for (int i = 0; i < 50_000; i++) {
            byte[] first = new byte[12];
            random.nextBytes(first);
            byte[] second = first.clone();
            if (i % 2 == 0) {
                random.nextBytes(second);
            } else {
                // ids made close together share their leading bytes
                second[random.nextInt(12)] ^= (byte) (1 << random.nextInt(8));
            }
            assertSameOrder(new KeyValue(new ObjectId(first)), new KeyValue(new ObjectId(second)));
        }
    }

    @Test
    void equalIdsAreEqualKeys() {
        ObjectId id = new ObjectId();
        assertEquals(0, order.compare(new KeyValue(id), new KeyValue(new ObjectId(id.toByteArray()))));
    }

    @Test
    void bytesAboveOneHundredTwentySevenSortAfterTheOthersAsOnDisk() {
        byte[] low = new byte[12];
        byte[] high = new byte[12];
        low[0] = 0x7f;
        high[0] = (byte) 0x80;
        assertSameOrder(new KeyValue(new ObjectId(low)), new KeyValue(new ObjectId(high)));
        assertEquals(-1, Integer.signum(order.compare(new KeyValue(new ObjectId(low)), new KeyValue(new ObjectId(high)))));
    }

    @Test
    void otherKeysKeepTheSerialisingOrder() {
        assertSameOrder(new KeyValue("graphite"), new KeyValue("influxdb"));
        assertSameOrder(new KeyValue("a-much-longer-name"), new KeyValue("b"));
        assertSameOrder(new KeyValue(new ObjectId(), "x"), new KeyValue(new ObjectId(), "y"));
        assertSameOrder(new KeyValue(new ObjectId()), new KeyValue("text"));
        assertSameOrder(new KeyValue(42), new KeyValue(new ObjectId()));
    }

    private void assertSameOrder(KeyValue a, KeyValue b) {
        assertEquals(Integer.signum(serialisingOrder.compare(a, b)), Integer.signum(order.compare(a, b)), a + " vs " + b);
        assertEquals(Integer.signum(serialisingOrder.compare(b, a)), Integer.signum(order.compare(b, a)), b + " vs " + a);
    }
}
