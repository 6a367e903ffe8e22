package org.perfbridge.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
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

    @Provider
    public static class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response response = e.getResponse();
            if (response.hasEntity()) {
                return response;
            }
            Response.StatusType status = response.getStatusInfo();
            return ApiError.of(status.getStatusCode(), status.getReasonPhrase());
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
