package org.perfbridge.json;

/** A request body that is not one JSON object or array perfbridge reads; the message says where and why. */
public class UnreadableJsonException extends RuntimeException {

    public UnreadableJsonException(String message) {
        super(message);
    }
}
