package org.perfbridge.ingest;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.bson.Document;
import org.perfbridge.delivery.PerfdataDelivery;
import org.perfbridge.sink.CheckPerfdata;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.StorageUnavailableException;

/**
 * Group commit: the check results of all requests arriving while a write is under way are stored with the next
 * single {@code insertMany}; every group stored while the previous commit ran is then made durable together and
 * its perfdata queued as one persistent JMS message. The store and the broker pay their per-write cost once per
 * group instead of once per request.
 *
 * <p>With the embedded store's journal, a request is answered once its group is in the journal; its perfdata
 * goes to the queue on a thread of its own ({@link PerfdataHandOver}), and the journal keeps it until then. The
 * broker's commit, which waits for its disk, was most of a POST's wait. Otherwise (a real MongoDB, or the store in
 * memory) a request is answered once its perfdata is queued.
 */
@Singleton
@Startup
@DependsOn("MongoStorage")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    // Bounds one group, and one message: with 5,000, batched POSTs waited over a second at p99 behind one large insertMany.
    private static final int MAX_DOCUMENTS_PER_GROUP = 1000;
    // Check results whose perfdata may wait for the queue at once (a few MB); beyond that the commit waits for the queue.
    private static final int MAX_WAITING_FOR_QUEUE = 50_000;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration DRAIN_AT_STOP = Duration.ofSeconds(5);

    record Request(List<Document> documents, List<CheckPerfdata> perfdata) {
    }

    private final CommitPipeline<Request> pipeline =
            new CommitPipeline<>(request -> request.documents().size(), MAX_DOCUMENTS_PER_GROUP, this::insert, this::commit,
                    () -> new StorageUnavailableException("perfbridge is stopping", null));
    private PerfdataQueue queue;
    // only with the embedded store's journal
    private PerfdataHandOver handOver;

    @Resource
    ManagedThreadFactory threads;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/perfdata")
    Queue perfdataQueue;

    @Inject
    MongoStorage storage;

    @Inject
    PerfdataDelivery delivery;

    @PostConstruct
    void start() {
        queue = new PerfdataQueue(connectionFactory, perfdataQueue, delivery);
        if (storage.journalsLogs()) {
            handOver = new PerfdataHandOver(queue::publishOrRetain, MAX_DOCUMENTS_PER_GROUP, MAX_WAITING_FOR_QUEUE, RETRY_PAUSE);
            handOver.start(threads, "perfbridge-perfdata-hand-over");
            handOverLogsReadBack();
            storage.releaseJournalWhen(handOver::awaitHandedOn);
        }
        pipeline.start(threads, "perfbridge-group-commit");
    }

    @PreDestroy
    void stop() {
        pipeline.stop();
        if (handOver != null) {
            handOver.stop(DRAIN_AT_STOP);
        }
        queue.close();
    }

    /** Stores the documents and queues the perfdata with the next group; returns once both are done. */
    public void store(List<Document> documents, List<CheckPerfdata> perfdata) {
        pipeline.submitAndWait(new Request(documents, perfdata));
    }

    /** Check results answered whose perfdata has not reached the queue yet (the journal keeps it meanwhile). */
    public int perfdataWaitingForQueue() {
        return handOver == null ? 0 : handOver.waitingCheckResults();
    }

    private void insert(List<Request> group) {
        List<Document> documents = new ArrayList<>();
        group.forEach(request -> documents.addAll(request.documents()));
        storage.insertLogs(documents);
    }

    /**
     * The perfdata is handed over before the journal write: a checkpoint that finds it handed on may then delete
     * every segment written before. Should the journal write fail, the requests answer 503 and their points are
     * delivered anyway; a resent check result writes the same points again, which the sinks keep once.
     */
    private void commit(List<Request> groups) {
        List<CheckPerfdata> perfdata = new ArrayList<>();
        groups.forEach(request -> perfdata.addAll(request.perfdata()));
        if (handOver != null) {
            handOver(perfdata);
            storage.makeLogsDurable();
        } else {
            storage.makeLogsDurable();
            queue.publishOrRetain(perfdata);
        }
    }

    private void handOver(List<CheckPerfdata> perfdata) {
        try {
            handOver.handOver(perfdata);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("perfbridge is stopping", e);
        }
    }

    /** The journal kept these logs because their perfdata may not have been queued before the server stopped. */
    private void handOverLogsReadBack() {
        List<CheckPerfdata> perfdata = new ArrayList<>();
        for (Document log : storage.logsReadBackAtStart()) {
            CheckResultDocument.perfdataOf(log).ifPresent(perfdata::add);
        }
        if (!perfdata.isEmpty()) {
            LOG.info("the perfdata of " + perfdata.size() + " check results read back from the journal is queued again");
            for (int from = 0; from < perfdata.size(); from += MAX_DOCUMENTS_PER_GROUP) {
                handOver(perfdata.subList(from, Math.min(perfdata.size(), from + MAX_DOCUMENTS_PER_GROUP)));
            }
        }
    }
}
