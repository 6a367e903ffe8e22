package org.perfbridge.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.perfbridge.retention.DeadLetterStore;

/** {@code /api/timeseriesdeadletter}: the points a sink refused for good, newest first, with the reason. */
@ApplicationScoped
@Path("timeseriesdeadletter")
@Produces(MediaType.APPLICATION_JSON)
public class TimeseriesDeadLetterResource {

    @Inject
    DeadLetterStore deadLetters;

    @GET
    @RolesAllowed({Roles.READER, Roles.ADMIN})
    public String list(@QueryParam("page") String page, @QueryParam("max_results") String maxResults, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, "page", "max_results");
        Paging paging = Paging.of(page, maxResults);
        return deadLetters.page(paging.page(), paging.maxResults()).toJson().toString();
    }
}
