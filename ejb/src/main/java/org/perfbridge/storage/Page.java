package org.perfbridge.storage;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** One page of a listing, in alignak-backend's (Eve's) shape: {@code _items} and {@code _meta}. */
public record Page(List<JsonObject> items, int page, int maxResults, long total) {

    public JsonObject toJson() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(array::add);
        return Json.createObjectBuilder()
                .add("_items", array)
                .add("_meta", Json.createObjectBuilder()
                        .add("page", page)
                        .add("max_results", maxResults)
                        .add("total", total))
                .build();
    }
}
