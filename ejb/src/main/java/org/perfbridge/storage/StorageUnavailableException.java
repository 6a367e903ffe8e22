package org.perfbridge.storage;

import jakarta.ejb.ApplicationException;

/** MongoDB could not be reached or refused a write; nothing of the request was kept. */
@ApplicationException
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
