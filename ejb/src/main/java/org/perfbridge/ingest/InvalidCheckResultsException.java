package org.perfbridge.ingest;

import java.util.List;

/** The posted check results were refused, and none of them stored. */
public class InvalidCheckResultsException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidCheckResultsException(List<FieldError> errors) {
        super(errors.size() + " invalid field(s), first: item " + errors.get(0).item() + " field "
                + errors.get(0).field() + ": " + errors.get(0).reason());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
