package org.perfbridge.web;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.List;
import org.perfbridge.config.Setting;
import org.perfbridge.config.Settings;
import org.perfbridge.ingest.CheckResult;
import org.perfbridge.ingest.CheckResultIngest;
import org.perfbridge.ingest.CheckResultLog;
import org.perfbridge.ingest.CheckResultReader;
import org.perfbridge.ingest.InputLimits;
import org.perfbridge.json.JsonText;

/** {@code /api/logcheckresult}: check results in (one object or an array), the stored log out. */
@ApplicationScoped
@Path("logcheckresult")
@Produces(MediaType.APPLICATION_JSON)
public class LogCheckResultResource {

    @Inject
    CheckResultIngest ingest;

    @Inject
    CheckResultLog log;

    @POST
    @RolesAllowed({Roles.INGEST, Roles.ADMIN})
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response post(InputStream body, @Context HttpHeaders headers) {
        Settings settings = Settings.fromServer();
        JsonText json = RequestBody.readJson(body, headers.getLength(), settings.integer(Setting.API_MAX_BODY_BYTES));
        List<CheckResult> results = new CheckResultReader(InputLimits.of(settings))
                .read(json, System.currentTimeMillis() / 1000.0);
        List<String> ids = ingest.ingest(results);
        return Response.status(Response.Status.CREATED).entity(created(json.value() instanceof JsonObject, ids).toString()).build();
    }

    @GET
    @RolesAllowed({Roles.READER, Roles.ADMIN})
    public String list(@QueryParam("host_name") String hostName, @QueryParam("service_name") String serviceName,
                       @QueryParam("page") String page, @QueryParam("max_results") String maxResults, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, "host_name", "service_name", "page", "max_results");
        Paging paging = Paging.of(page, maxResults);
        return log.page(hostName, serviceName, paging.page(), paging.maxResults()).toJson().toString();
    }

    private static JsonObject created(boolean single, List<String> ids) {
        if (single) {
            return JSON.createObjectBuilder().add("_status", "OK").add("_id", ids.get(0)).build();
        }
        JsonArrayBuilder items = JSON.createArrayBuilder();
        ids.forEach(id -> items.add(JSON.createObjectBuilder().add("_status", "OK").add("_id", id)));
        return JSON.createObjectBuilder().add("_status", "OK").add("_items", items).build();
    }
}
