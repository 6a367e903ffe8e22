package org.perfbridge.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.MongoClientSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogJournalTest {

    private static final Codec<Document> CODEC = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasFlushedInOrderAcrossSegments() throws IOException {
        LogJournal journal = LogJournal.open(dir);
        List<Document> first = logs(3);
        List<Document> second = logs(2);
        journal.add(first);
        journal.flush();
        List<Path> before = journal.rotate();
        journal.add(second);
        journal.flush();

        List<Document> expected = new ArrayList<>(first);
        expected.addAll(second);
        assertEquals(expected, read(LogJournal.segments(dir)));
        assertEquals(first, read(before));
    }

    @Test
    void whatWasAddedButNotFlushedIsNotInTheFile() throws IOException {
        LogJournal journal = LogJournal.open(dir);
        List<Document> flushed = logs(2);
        journal.add(flushed);
        journal.flush();
        journal.add(logs(5));

        assertEquals(flushed, read(LogJournal.segments(dir)));
    }

    @Test
    void aDocumentCutOffByACrashIsLeftOut() throws IOException {
        LogJournal journal = LogJournal.open(dir);
        List<Document> whole = logs(4);
        journal.add(whole);
        journal.flush();
        journal.close();
        Path segment = LogJournal.segments(dir).get(0);
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, new byte[] {(byte) 200, 0, 0, 0, 3, 'h'}, StandardOpenOption.APPEND);

        assertEquals(whole, read(List.of(segment)));
        assertEquals(bytes.length + 6, Files.size(segment));
    }

    @Test
    void aJournalOpenedAgainWritesAfterTheSegmentsLeft() throws IOException {
        LogJournal journal = LogJournal.open(dir);
        List<Document> before = logs(2);
        journal.add(before);
        journal.flush();
        journal.close();

        LogJournal reopened = LogJournal.open(dir);
        List<Document> after = logs(1);
        reopened.add(after);
        reopened.flush();

        List<Document> expected = new ArrayList<>(before);
        expected.addAll(after);
        assertEquals(expected, read(LogJournal.segments(dir)));
        LogJournal.delete(reopened.rotate());
        assertEquals(List.of(), read(LogJournal.segments(dir)));
    }

    private static List<Document> read(List<Path> segments) {
        return LogJournal.read(segments).stream().map(bson -> new RawBsonDocument(toArray(bson)).decode(CODEC)).toList();
    }

    private static byte[] toArray(ByteBuffer bson) {
        byte[] bytes = new byte[bson.remaining()];
        bson.duplicate().get(bytes);
        return bytes;
    }

    private static List<Document> logs(int count) {
        List<Document> logs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            logs.add(new Document("_id", new ObjectId()).append("host_name", "h" + i).append("last_check", 1.5 + i)
                    .append("state_id", i).append("_created", new Date(1_764_000_000_000L + i)));
        }
        return logs;
    }
}
