package org.perfbridge.json;

import jakarta.json.JsonStructure;
import java.util.List;

/**
 * A JSON text as {@link StrictJsonReader} read it: its value, and every key that stood more than once in one object
 * (the value keeps the first). Readers disagree on which of two values for one key counts, so a caller refuses them.
 */
public record JsonText(JsonStructure value, List<DuplicateKey> duplicateKeys) {

    public JsonText {
        duplicateKeys = List.copyOf(duplicateKeys);
    }

    /** {@code path} leads from the top to the object that holds {@code key} twice: keys, and array indexes as decimal text. */
    public record DuplicateKey(List<String> path, String key) {

        public DuplicateKey {
            path = List.copyOf(path);
        }
    }
}
