package org.perfbridge.web;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.perfbridge.delivery.RetentionRedelivery;
import org.perfbridge.retention.RetentionStore;

/** {@code /api/timeseriesretention}: the points waiting for a sink, and redelivery on demand. */
@ApplicationScoped
@Path("timeseriesretention")
@Produces(MediaType.APPLICATION_JSON)
public class TimeseriesRetentionResource {

    @Inject
    RetentionStore retention;

    @Inject
    RetentionRedelivery redelivery;

    @GET
    @RolesAllowed({Roles.READER, Roles.ADMIN})
    public String list(@QueryParam("page") String page, @QueryParam("max_results") String maxResults, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, "page", "max_results");
        Paging paging = Paging.of(page, maxResults);
        return retention.page(paging.page(), paging.maxResults()).toJson().toString();
    }

    /**
     * Runs the timer's redelivery now, so an operator need not wait for the next minute after a sink is back; 409
     * while a run is under way, which is already sending what this one would.
     */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("redelivery")
    public String redeliverNow() {
        JsonObjectBuilder sent = JSON.createObjectBuilder();
        redelivery.redeliverNow().orElseThrow(() -> new WebApplicationException(ApiError.of(Response.Status.CONFLICT,
                "a redelivery run is under way (the 60 s timer's or another request's) and sends the retained points;"
                        + " ask again once it has ended, or see what is left with GET /api/timeseriesretention")))
                .forEach(sent::add);
        return JSON.createObjectBuilder().add("_status", "OK").add("redelivered", sent).build().toString();
    }
}
