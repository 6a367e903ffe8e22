package org.perfbridge.storage.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class StoredValueTypeTest {

    private final ObjectDataType serialisingOrder = new ObjectDataType();
    private final StoredValueType type = StoredValueType.INSTANCE;

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
            assertSameOrder(new ObjectId(first), new ObjectId(second));
        }
    }

    @Test
    void bytesAboveOneHundredTwentySevenSortAfterTheOthersAsOnDisk() {
        byte[] low = new byte[12];
        byte[] high = new byte[12];
        low[0] = 0x7f;
        high[0] = (byte) 0x80;
        assertSameOrder(new KeyValue(new ObjectId(low)), new KeyValue(new ObjectId(high)));
        assertEquals(-1, Integer.signum(type.compare(new KeyValue(new ObjectId(low)), new KeyValue(new ObjectId(high)))));
    }

    @Test
    void otherKeysKeepTheSerialisingOrder() {
        assertSameOrder(new KeyValue("graphite"), new KeyValue("influxdb"));
        assertSameOrder(new KeyValue(new ObjectId(), "x"), new KeyValue(new ObjectId(), "y"));
        assertSameOrder(new KeyValue(42), new KeyValue(new ObjectId()));
    }

    @Test
    void aLogReadsBackAsItWasWrittenInUnderHalfTheSerialisedSize() {
        Document log = new Document("_id", new ObjectId()).append("host_name", "web-01").append("service_name", "disk /var")
                .append("state", "OK").append("state_id", 0).append("last_check", 1_764_000_000.5).append("acknowledged", false)
                .append("latency", 0.012).append("retries", 3L).append("output", "DISK OK - free space: / 3326 MB (56%)")
                .append("perf_data", "/=2643MB;5948;5958;0;5968").append("nothing", null)
                .append("perf_data_problems", List.of(new Document("metric", "x=").append("reason", "no value")))
                .append("_created", Instant.ofEpochMilli(1_764_000_000_123L));

        byte[] compact = written(type, log);
        assertEquals(log, read(compact));
        assertTrue(compact.length * 2 < written(serialisingOrder, log).length,
                compact.length + " bytes against " + written(serialisingOrder, log).length);
    }

    @Test
    void idsAndDatesReadBackFromTheirShortForms() {
        ObjectId id = new ObjectId();
        assertEquals(id, read(written(type, id)));
        assertEquals(13, written(type, id).length);
        assertEquals(new KeyValue(id), read(written(type, new KeyValue(id))));
        Instant created = Instant.ofEpochMilli(1_764_000_000_123L);
        assertEquals(created, read(written(type, created)));
    }

    @Test
    void readsWhatEarlierVersionsSerialised() {
        Document log = new Document("_id", new ObjectId()).append("host_name", "web-01").append("last_check", 1.5);
        for (Object value : List.of(log, new ObjectId(), new KeyValue(new ObjectId()), "text", 42, 2.5)) {
            assertEquals(value, read(written(serialisingOrder, value)));
        }
    }

    @Test
    void comparesSerialisedKeysWhileOtherThreadsWriteOtherTypes() throws Exception {
        KeyValue graphite = new KeyValue("graphite", 1);
        KeyValue influxdb = new KeyValue("influxdb", 2);
        int expected = Integer.signum(serialisingOrder.compare(graphite, influxdb));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = List.of(
                    threads.submit(() -> compareRepeatedly(graphite, influxdb, expected)),
                    threads.submit(() -> compareRepeatedly(influxdb, graphite, -expected)),
                    threads.submit(this::writeMixedTypesRepeatedly),
                    threads.submit(this::writeMixedTypesRepeatedly));
            for (Future<?> each : work) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private void compareRepeatedly(KeyValue a, KeyValue b, int expected) {
        for (int i = 0; i < 20_000; i++) {
            assertEquals(expected, Integer.signum(type.compare(a, b)));
        }
    }

    private void writeMixedTypesRepeatedly() {
        for (int i = 0; i < 60_000; i++) {
            Object value = i % 3 == 0 ? "web-" + i : i % 3 == 1 ? (long) i : Integer.valueOf(i);
            assertEquals(value, read(written(type, value)));
        }
    }

    private void assertSameOrder(Object a, Object b) {
        assertEquals(Integer.signum(serialisingOrder.compare(a, b)), Integer.signum(type.compare(a, b)), a + " vs " + b);
        assertEquals(Integer.signum(serialisingOrder.compare(b, a)), Integer.signum(type.compare(b, a)), b + " vs " + a);
    }

    private static byte[] written(DataType<Object> writer, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        writer.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return Arrays.copyOfRange(bytes.array(), 0, bytes.limit());
    }

    private Object read(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        Object value = type.read(buffer);
        assertEquals(bytes.length, buffer.position(), "every byte read");
        return value;
    }
}
