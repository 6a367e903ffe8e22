package org.perfbridge.sink;

/** The sink could not take the points now; they are kept for a later try. */
public class SinkUnavailableException extends Exception {

    public SinkUnavailableException(String message) {
        super(message);
    }

    public SinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
