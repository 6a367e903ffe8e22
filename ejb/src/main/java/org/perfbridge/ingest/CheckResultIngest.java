package org.perfbridge.ingest;

import com.mongodb.MongoException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.perfbridge.perfdata.ParsedPerfdata;
import org.perfbridge.perfdata.PerfdataParser;
import org.perfbridge.sink.CheckPerfdata;
import org.perfbridge.sink.PerfdataDelivery;
import org.perfbridge.sink.PerfdataMessage;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.StorageUnavailableException;

/**
 * Stores check results in the {@code logcheckresult} log, then queues their perfdata for the sink workers.
 * No JTA transaction: MongoDB (embedded or not) takes no part in one, and outside a transaction a JMS send
 * fails right here, where its perfdata can still be moved to retention instead of being lost.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CheckResultIngest {

    private static final Logger LOG = Logger.getLogger(CheckResultIngest.class.getName());

    @Inject
    MongoStorage storage;

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/perfdata")
    Queue perfdataQueue;

    @Inject
    PerfdataDelivery delivery;

    @Inject
    PerfdataStatistics statistics;

    /** Stores all results in one write and answers their ids, in the order given. */
    public List<String> ingest(List<CheckResult> results) {
        List<Document> documents = new ArrayList<>(results.size());
        List<String> ids = new ArrayList<>(results.size());
        List<CheckPerfdata> perfdata = new ArrayList<>();
        for (CheckResult result : results) {
            ObjectId id = new ObjectId();
            ParsedPerfdata parsed = PerfdataParser.parse(result.perfData());
            statistics.count(parsed);
            documents.add(CheckResultDocument.of(id, result, parsed));
            ids.add(id.toHexString());
            if (result.hasPerfData()) {
                perfdata.add(new CheckPerfdata(result.realm(), result.hostName(),
                        result.isHostCheck() ? null : result.serviceName(), (long) Math.floor(result.lastCheck()), result.perfData()));
            }
        }
        try {
            storage.logs().insertMany(documents);
            storage.makeDurable();
        } catch (MongoException e) {
            throw new StorageUnavailableException("MongoDB could not store the check results: " + e.getMessage(), e);
        }
        if (!perfdata.isEmpty()) {
            publish(perfdata);
        }
        return ids;
    }

    private void publish(List<CheckPerfdata> perfdata) {
        try {
            jms.createProducer().send(perfdataQueue, PerfdataMessage.encode(perfdata));
        } catch (JMSRuntimeException e) {
            LOG.log(Level.WARNING, "perfdata queue unavailable, {0} check results'' perfdata go to retention: {1}",
                    new Object[] {perfdata.size(), e.getMessage()});
            delivery.retainForAllSinks(CheckPerfdata.samplesOf(perfdata));
        }
    }
}
