package org.perfbridge.storage;

import jakarta.ejb.ApplicationException;

/** MongoDB could not be reached, or refused a read or a write; a refused write kept nothing of the request. */
@ApplicationException
public class StorageUnavailableException extends RuntimeException {

    private static final String WRITE_REFUSED = "MongoDB is unavailable, nothing stored; send again later";
    private static final String READ_REFUSED = "the log store is unavailable; try again later";

    private final String reason;

    /** A write that kept nothing; the message is for the server log. */
    public StorageUnavailableException(String message, Throwable cause) {
        this(WRITE_REFUSED, message, cause);
    }

    private StorageUnavailableException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public static StorageUnavailableException ofRead(String message, Throwable cause) {
        return new StorageUnavailableException(READ_REFUSED, message, cause);
    }

    /** A write refused because the embedded store cannot write, and why. */
    public static StorageUnavailableException ofWriteFailure(String failure, String message, Throwable cause) {
        return new StorageUnavailableException("the log store cannot write: " + failure + "; nothing stored, send again later",
                message, cause);
    }

    /** What the client is told. */
    public String reason() {
        return reason;
    }
}
