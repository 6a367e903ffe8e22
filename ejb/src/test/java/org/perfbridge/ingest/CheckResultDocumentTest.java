package org.perfbridge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mongodb.MongoClientSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.perfbridge.json.JsonText;
import org.perfbridge.json.StrictJsonReader;
import org.perfbridge.sink.CheckPerfdata;

class CheckResultDocumentTest {

    private static final Codec<Document> CODEC = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);
    private static final double NOW = 1_795_585_686.75;

    @Test
    void theLogOfAServiceCheckGivesItsPerfdataWithTheSecondOfItsCheck() {
        CheckResult result = read("""
                {"host_name": "web1", "service_name": "ping", "state": "OK", "last_check": 1795585686.75,
                 "realm": "All.Europe", "perf_data": "rta=0.08ms;100;500;0 pl=0%"}""");

        assertEquals(Optional.of(new CheckPerfdata("All.Europe", "web1", "ping", 1_795_585_686L, "rta=0.08ms;100;500;0 pl=0%")),
                CheckResultDocument.perfdataOf(log(result)));
    }

    @Test
    void aHostCheckHasNoService() {
        CheckResult result = read("""
                {"host_name": "web1", "state": "UP", "last_check": 1795585686, "perf_data": "rta=0.1ms"}""");

        assertEquals(null, CheckResultDocument.perfdataOf(log(result)).orElseThrow().service());
    }

    @Test
    void aCheckWithoutPerfdataOrWithABlankOneGivesNone() {
        assertEquals(Optional.empty(), CheckResultDocument.perfdataOf(log(read("""
                {"host_name": "web1", "service_name": "ping", "state": "OK", "last_check": 1795585686}"""))));
        assertEquals(Optional.empty(), CheckResultDocument.perfdataOf(log(read("""
                {"host_name": "web1", "service_name": "ping", "state": "OK", "last_check": 1795585686, "perf_data": "  "}"""))));
    }

    @Test
    void aLogReadBackFromTheJournalGivesTheSamePerfdataAsTheOneStored() {
        Document stored = log(read("""
                {"host_name": "web1", "service_name": "disk /", "state": "WARNING", "last_check": 1795585686,
                 "perf_data": "'/'=80%;70;90"}"""));

        Document readBack = new RawBsonDocument(stored, CODEC).decode(CODEC);

        assertEquals(CheckResultDocument.perfdataOf(stored), CheckResultDocument.perfdataOf(readBack));
    }

    private static CheckResult read(String json) {
        JsonText posted = StrictJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        return new CheckResultReader(1).read(posted, NOW).get(0);
    }

    private static Document log(CheckResult result) {
        return CheckResultDocument.of(new ObjectId(), result, result.parsedPerfData());
    }
}
