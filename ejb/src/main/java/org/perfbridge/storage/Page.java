package org.perfbridge.storage;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** One page of a listing, in alignak-backend's (Eve's) shape: {@code _items} and {@code _meta}. */
public record Page(List<JsonObject> items, int page, int maxResults, long total) {

    public JsonObject toJson() {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        items.forEach(array::add);
        return JSON.createObjectBuilder()
                .add("_items", array)
                .add("_meta", JSON.createObjectBuilder()
                        .add("page", page)
                        .add("max_results", maxResults)
                        .add("total", total))
                .build();
    }
}
