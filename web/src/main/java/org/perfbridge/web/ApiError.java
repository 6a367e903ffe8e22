package org.perfbridge.web;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.perfbridge.ingest.FieldError;

/** Error bodies in alignak-backend's (Eve's) shape: {@code _status}, {@code _error}, and {@code _issues} per field. */
final class ApiError {

    private ApiError() {
    }

    static Response of(Response.Status status, String message) {
        return respond(status.getStatusCode(), body(status.getStatusCode(), message).build());
    }

    static Response of(int status, String message) {
        return respond(status, body(status, message).build());
    }

    static Response invalidFields(List<FieldError> errors) {
        JsonArrayBuilder issues = JSON.createArrayBuilder();
        for (FieldError error : errors) {
            issues.add(JSON.createObjectBuilder()
                    .add("item", error.item())
                    .add("field", error.field())
                    .add("reason", error.reason()));
        }
        FieldError first = errors.get(0);
        String message = "nothing stored: " + errors.size() + " problem(s), first: item " + first.item()
                + (first.field().isEmpty() ? "" : ", field " + first.field()) + ": " + first.reason();
        return respond(400, body(400, message).add("_issues", issues).build());
    }

    private static jakarta.json.JsonObjectBuilder body(int status, String message) {
        return JSON.createObjectBuilder()
                .add("_status", "ERR")
                .add("_error", JSON.createObjectBuilder().add("code", status).add("message", message));
    }

    private static Response respond(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }
}
