package org.perfbridge.storage;

import com.mongodb.MongoClientSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;

/**
 * The logs the embedded store holds but has not yet committed to its file, appended as BSON to a journal file.
 * A commit of the store rewrites every B-tree page a log touched, and the logs of one host land in its own pages:
 * committing each group of check results wrote about 2.6 KB per log. The group commit appends to the journal
 * instead, a sequential write; the store commits every few seconds ({@link #rotate}), after which the journal
 * segment written before is deleted. On start, and after a failed write, the segments left are read back.
 */
final class LogJournal {

    private static final String PREFIX = "logs-";
    private static final String SUFFIX = ".journal";
    private static final Codec<Document> CODEC = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    private final Path directory;
    private final List<ByteBuffer> pending = new ArrayList<>();
    private long segment;
    private FileChannel current;

    private LogJournal(Path directory, long segment) {
        this.directory = directory;
        this.segment = segment;
    }

    /** A journal in {@code directory}, writing after the segments already there. */
    static LogJournal open(Path directory) {
        List<Path> existing = segments(directory);
        long next = existing.isEmpty() ? 1 : number(existing.get(existing.size() - 1)) + 1;
        LogJournal journal = new LogJournal(directory, next);
        journal.current = journal.openSegment();
        return journal;
    }

    /** Keeps the documents for the next {@link #flush}. */
    synchronized void add(List<Document> documents) {
        for (Document document : documents) {
            pending.add(new RawBsonDocument(document, CODEC).getByteBuffer().asNIO());
        }
    }

    /**
     * Writes what was added since the last flush. A write that fails is cut off again, so the segment keeps only
     * whole documents, and what it held is dropped: its requests are refused.
     */
    synchronized void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        long goodSize = current.size();
        ByteBuffer[] documents = pending.toArray(ByteBuffer[]::new);
        try {
            // a write can stop short, as it does when the disk is all but full: only the next one fails
            while (documents[documents.length - 1].hasRemaining()) {
                current.write(documents);
            }
        } catch (IOException e) {
            current.truncate(goodSize);
            throw e;
        } finally {
            pending.clear();
        }
    }

    synchronized boolean hasPending() {
        return !pending.isEmpty();
    }

    /** Forgets what was added since the last flush: its requests are refused. */
    synchronized void dropPending() {
        pending.clear();
    }

    /** Starts a new segment; returns the segments written before it, which the next commit of the store covers. */
    synchronized List<Path> rotate() {
        List<Path> written = segments(directory);
        try {
            current.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        segment++;
        current = openSegment();
        return written;
    }

    static void delete(List<Path> segments) {
        for (Path segment : segments) {
            try {
                Files.deleteIfExists(segment);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the journal segment " + segment, e);
            }
        }
    }

    synchronized void close() {
        try {
            current.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole documents in the segments as BSON, oldest first; a document cut off at the end of a segment was never acknowledged. */
    static List<ByteBuffer> read(List<Path> segments) {
        List<ByteBuffer> documents = new ArrayList<>();
        for (Path segment : segments) {
            ByteBuffer bytes;
            try {
                bytes = ByteBuffer.wrap(Files.readAllBytes(segment)).order(ByteOrder.LITTLE_ENDIAN);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the journal segment " + segment, e);
            }
            while (bytes.remaining() >= 4) {
                int length = bytes.getInt(bytes.position());
                if (length < 5 || length > bytes.remaining()) {
                    break;
                }
                documents.add(bytes.slice(bytes.position(), length).order(ByteOrder.LITTLE_ENDIAN));
                bytes.position(bytes.position() + length);
            }
        }
        return documents;
    }

    /** One document as {@link #read} gives it. */
    static Document decode(ByteBuffer bson) {
        byte[] bytes = new byte[bson.remaining()];
        bson.duplicate().get(bytes);
        return new RawBsonDocument(bytes).decode(CODEC);
    }

    /** The segments in the directory, oldest first. */
    static List<Path> segments(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(PREFIX) && file.getFileName().toString().endsWith(SUFFIX))
                    .sorted((a, b) -> Long.compare(number(a), number(b))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal in " + directory, e);
        }
    }

    private FileChannel openSegment() {
        try {
            return FileChannel.open(directory.resolve(PREFIX + segment + SUFFIX), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a journal segment in " + directory, e);
        }
    }

    private static long number(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }
}
