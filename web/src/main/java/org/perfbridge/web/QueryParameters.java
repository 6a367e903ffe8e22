package org.perfbridge.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;

/**
 * Refuses query parameters an endpoint does not know, such as {@code host_name[$ne]=}: silently ignoring one
 * would widen the query to everything, which is what an injection attempt wants.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static void allowOnly(UriInfo uri, String... names) {
        Set<String> allowed = Set.of(names);
        for (String name : uri.getQueryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw new WebApplicationException(ApiError.of(400, "unknown query parameter '" + name + "'; this endpoint takes "
                        + String.join(", ", names)));
            }
        }
    }
}
