package org.perfbridge.storage.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes its documents, ids and {@code _id} index keys. mongo-java-server leaves them to H2's
 * {@link ObjectDataType}, which Java-serialises each one with its class descriptors: 1.8 KB per log, and an
 * {@code _id} key that H2 serialises again at every comparison (a third of the server's CPU under batched load,
 * async-profiler). Here a document is its BSON, an {@link ObjectId} its twelve bytes, and ids compare by those bytes,
 * which is also the order the serialised forms had; a date is its milliseconds, as in BSON. Each form starts with a tag {@link ObjectDataType} never writes,
 * so values that older versions wrote still read through it.
 *
 * <p>Every other value goes to a new {@link ObjectDataType} per call. One instance serves all maps and threads here, and
 * {@link ObjectDataType} keeps the type it last saw in a plain field: a thread comparing two keys it serialises, while
 * another switched that field, got {@code UnsupportedOperationException: Can not compare} from H2, and the POST a 503
 * (CI, RetentionRobustnessIT, 2026-12-04). A new instance is one small allocation, and holds no state across threads.
 */
final class StoredValueType extends BasicDataType<Object> {

    static final StoredValueType INSTANCE = new StoredValueType();

    private static final byte DOCUMENT = 121;
    private static final byte OBJECT_ID = 122;
    private static final byte ID_KEY = 123;
    private static final byte INSTANT = 124;
    private static final int OBJECT_ID_BYTES = 12;

    @Override
    public int compare(Object a, Object b) {
        ObjectId first = singleId(a);
        ObjectId second = singleId(b);
        if (first != null && second != null) {
            return Arrays.compareUnsigned(first.toByteArray(), second.toByteArray());
        }
        return new ObjectDataType().compare(a, b);
    }

    @Override
    public void write(WriteBuffer buff, Object value) {
        if (value instanceof Document document) {
            ByteBuf bson = Unpooled.buffer(256);
            BsonEncoder.encodeDocument(document, bson);
            buff.put(DOCUMENT).put(bson.array(), bson.arrayOffset(), bson.readableBytes());
        } else if (value instanceof ObjectId id) {
            buff.put(OBJECT_ID).put(id.toByteArray());
        } else if (value instanceof KeyValue key && singleId(key) != null) {
            buff.put(ID_KEY).put(singleId(key).toByteArray());
        } else if (value instanceof Instant instant) {
            buff.put(INSTANT).putLong(instant.toEpochMilli());
        } else {
            new ObjectDataType().write(buff, value);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        switch (buff.get(buff.position())) {
            case DOCUMENT -> {
                buff.get();
                int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt();
                ByteBuffer bson = buff.slice();
                bson.limit(length);
                buff.position(buff.position() + length);
                return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
            }
            case OBJECT_ID -> {
                buff.get();
                return readId(buff);
            }
            case ID_KEY -> {
                buff.get();
                return new KeyValue(readId(buff));
            }
            case INSTANT -> {
                buff.get();
                return Instant.ofEpochMilli(buff.getLong());
            }
            default -> {
                return new ObjectDataType().read(buff);
            }
        }
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document || value instanceof ObjectId || value instanceof KeyValue || value instanceof Instant
                ? estimatedHeapBytes(value) : new ObjectDataType().getMemory(value);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }

    /** What a value takes in the heap, roughly: the page cache is sized by it. */
    static int estimatedHeapBytes(Object value) {
        if (value instanceof String text) {
            return 48 + text.length();
        }
        if (value instanceof Map<?, ?> map) {
            int bytes = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                bytes += 40 + estimatedHeapBytes(entry.getKey()) + estimatedHeapBytes(entry.getValue());
            }
            return bytes;
        }
        if (value instanceof Collection<?> list) {
            int bytes = 48;
            for (Object element : list) {
                bytes += 8 + estimatedHeapBytes(element);
            }
            return bytes;
        }
        if (value instanceof KeyValue key) {
            int bytes = 48;
            for (Object element : key) {
                bytes += 8 + estimatedHeapBytes(element);
            }
            return bytes;
        }
        if (value instanceof ObjectId) {
            return 48;
        }
        return 24;
    }

    private static ObjectId readId(ByteBuffer buff) {
        byte[] bytes = new byte[OBJECT_ID_BYTES];
        buff.get(bytes);
        return new ObjectId(bytes);
    }

    private static ObjectId singleId(Object value) {
        if (value instanceof ObjectId id) {
            return id;
        }
        if (value instanceof KeyValue key && key.size() == 1 && key.get(0) instanceof ObjectId id) {
            return id;
        }
        return null;
    }
}
