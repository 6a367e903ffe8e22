package org.perfbridge.web;

import jakarta.ws.rs.WebApplicationException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.perfbridge.json.JsonText;
import org.perfbridge.json.StrictJsonReader;
import org.perfbridge.json.UnreadableJsonException;

/**
 * Reads a JSON request body, refusing one larger than the limit (413) or one {@link StrictJsonReader} does not read
 * (400). The limit is perfbridge's alone: config/install-standalone.cli lifts Undertow's own, which refused larger
 * bodies before they got here, with an empty 400 or a cut connection.
 */
final class RequestBody {

    private RequestBody() {
    }

    static JsonText readJson(InputStream body, long contentLength, long maxBytes) {
        if (contentLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            return StrictJsonReader.read(new LimitedStream(body, maxBytes));
        } catch (UnreadableJsonException e) {
            throw new WebApplicationException(ApiError.of(400, e.getMessage()));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BodyTooLargeException) {
                throw tooLarge(maxBytes);
            }
            throw new WebApplicationException(ApiError.of(400, "the body could not be read: " + e.getCause().getMessage()));
        }
    }

    private static WebApplicationException tooLarge(long maxBytes) {
        return new WebApplicationException(ApiError.of(413, "request body larger than " + maxBytes
                + " bytes (setting api.max_body_bytes): nothing stored"));
    }

    private static final class BodyTooLargeException extends IOException {
    }

    private static final class LimitedStream extends FilterInputStream {
        private long remaining;

        LimitedStream(InputStream in, long maxBytes) {
            super(in);
            this.remaining = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --remaining < 0) {
                throw new BodyTooLargeException();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                remaining -= n;
                if (remaining < 0) {
                    throw new BodyTooLargeException();
                }
            }
            return n;
        }
    }
}
