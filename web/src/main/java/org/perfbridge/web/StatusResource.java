package org.perfbridge.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.perfbridge.status.StatusReport;

/** {@code /api/status}: sinks, retention and queue depth. */
@ApplicationScoped
@Path("status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    StatusReport status;

    @GET
    @RolesAllowed({Roles.READER, Roles.ADMIN})
    public String status() {
        return status.report().toString();
    }
}
