package org.perfbridge.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.perfbridge.ingest.InvalidCheckResultsException;
import org.perfbridge.ingest.PageTooLargeException;
import org.perfbridge.storage.StorageUnavailableException;

/** Every failure answers a JSON error body with a reason and never a stack trace. */
final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    private ErrorResponses() {
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidCheckResultsException> {
        @Override
        public Response toResponse(InvalidCheckResultsException e) {
            return ApiError.invalidFields(e.errors());
        }
    }

    @Provider
    public static class PageTooLarge implements ExceptionMapper<PageTooLargeException> {
        @Override
        public Response toResponse(PageTooLargeException e) {
            return ApiError.of(400, "max_results: " + e.getMessage());
        }
    }

    @Provider
    public static class StorageDown implements ExceptionMapper<StorageUnavailableException> {
        @Override
        public Response toResponse(StorageUnavailableException e) {
            LOG.log(Level.WARNING, e.getMessage());
            return ApiError.of(Response.Status.SERVICE_UNAVAILABLE, e.reason());
        }
    }

    /** The HTTP errors JAX-RS raises itself, each with what was asked and what would have been served. */
    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {

        @Context
        UriInfo uri;

        @Context
        Request request;

        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response response = e.getResponse();
            if (response.hasEntity()) {
                return response;
            }
            String path = "/api/" + uri.getPath().replaceFirst("^/", "");
            String where = request.getMethod() + " " + path;
            Response.StatusType status = response.getStatusInfo();
            String message = switch (status.getStatusCode()) {
                case 404 -> "no endpoint answers " + where + "; the endpoints are under /api/logcheckresult,"
                        + " /api/timeseriesretention, /api/timeseriesdeadletter, /api/status and /api/settings";
                case 405 -> request.getMethod() + " is not allowed on " + path + "; allowed: "
                        + String.join(", ", response.getAllowedMethods());
                case 406 -> "Accept " + headers.getRequestHeader(HttpHeaders.ACCEPT) + " cannot be met by " + where
                        + ": it answers application/json";
                default -> status.getReasonPhrase() + " (" + where + ")";
            };
            return ApiError.of(status.getStatusCode(), message);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.log(Level.SEVERE, "unexpected failure answering a request", e);
            return ApiError.of(Response.Status.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
        }
    }
}
