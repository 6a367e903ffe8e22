package org.perfbridge.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Errors answered by filters rather than exceptions (RESTEasy's role check answers 403 as plain text)
 * get the same JSON error body as every other error.
 */
@Provider
public class JsonErrorBodies implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 || MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        String message = response.getStatus() == 403
                ? "forbidden: your user lacks the role this endpoint needs"
                : response.getStatusInfo().getReasonPhrase();
        response.setEntity(ApiError.of(response.getStatus(), message).getEntity(), null, MediaType.APPLICATION_JSON_TYPE);
    }
}
