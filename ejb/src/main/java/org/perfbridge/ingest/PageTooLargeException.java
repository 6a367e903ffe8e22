package org.perfbridge.ingest;

import jakarta.ejb.ApplicationException;

/** A page of logs longer than {@code api.max_response_bytes}; nothing of it is answered. */
@ApplicationException
public class PageTooLargeException extends RuntimeException {

    public PageTooLargeException(int logsRead, long maxBytes) {
        super("the page is longer than api.max_response_bytes (" + maxBytes + " bytes) after " + logsRead
                + " logs; ask for fewer with max_results");
    }
}
