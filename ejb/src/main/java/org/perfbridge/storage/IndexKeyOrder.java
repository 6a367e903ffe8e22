package org.perfbridge.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.Arrays;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order of mongo-java-server's index keys in H2, computed without serialising them. Its keys ({@link KeyValue})
 * are not {@link Comparable}, so H2's {@link ObjectDataType} Java-serialises both keys at every comparison, some
 * twenty per lookup and two lookups per insert: a third of the server's CPU under batched load (async-profiler).
 * For a key of one {@link ObjectId} (every {@code _id} perfbridge writes) the serialised forms differ only in the
 * id's twelve bytes, so comparing those bytes unsigned gives the order H2 has on disk; every other key goes the
 * old way.
 */
final class IndexKeyOrder extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second && first.size() == 1 && second.size() == 1
                && first.get(0) instanceof ObjectId firstId && second.get(0) instanceof ObjectId secondId) {
            return Arrays.compareUnsigned(firstId.toByteArray(), secondId.toByteArray());
        }
        return super.compare(a, b);
    }
}
