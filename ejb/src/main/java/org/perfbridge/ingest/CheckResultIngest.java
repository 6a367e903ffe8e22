package org.perfbridge.ingest;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.perfbridge.perfdata.ParsedPerfdata;
import org.perfbridge.sink.CheckPerfdata;

/**
 * Turns validated check results into their log documents and the perfdata for the sinks, and hands both to the
 * group commit, which stores the logs and queues the perfdata before this returns.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckResultIngest {

    @Inject
    GroupCommit groupCommit;

    @Inject
    PerfdataStatistics statistics;

    /** Stores all results and answers their ids, in the order given. */
    public List<String> ingest(List<CheckResult> results) {
        List<Document> documents = new ArrayList<>(results.size());
        List<String> ids = new ArrayList<>(results.size());
        List<CheckPerfdata> perfdata = new ArrayList<>();
        for (CheckResult result : results) {
            ObjectId id = new ObjectId();
            ParsedPerfdata parsed = result.parsedPerfData();
            statistics.count(parsed);
            Document document = CheckResultDocument.of(id, result, parsed);
            documents.add(document);
            ids.add(id.toHexString());
            CheckResultDocument.perfdataOf(document).ifPresent(perfdata::add);
        }
        groupCommit.store(documents, perfdata);
        return ids;
    }
}
