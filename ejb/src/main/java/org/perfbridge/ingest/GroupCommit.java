package org.perfbridge.ingest;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.perfbridge.delivery.PerfdataDelivery;
import org.perfbridge.sink.CheckPerfdata;
import org.perfbridge.sink.PerfdataMessage;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.StorageUnavailableException;

/**
 * Group commit: the check results of all requests arriving while a write is under way are stored with the next
 * single {@code insertMany}; every group stored while the previous commit ran is then made durable with one write
 * of the embedded store's journal and queued as one persistent JMS message. Each request is answered only after its group is
 * durable and queued. The store and the broker pay their per-write cost once per group instead of once per request.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    // Bounds one group: with 5,000, batched POSTs waited over a second at p99 behind one large insertMany.
    private static final int MAX_DOCUMENTS_PER_GROUP = 1000;

    record Request(List<Document> documents, List<CheckPerfdata> perfdata) {
    }

    private final CommitPipeline<Request> pipeline =
            new CommitPipeline<>(request -> request.documents().size(), MAX_DOCUMENTS_PER_GROUP, this::insert, this::commit,
                    () -> new StorageUnavailableException("perfbridge is stopping", null));
    // JMSContext is for one thread at a time: only the publisher thread uses it.
    private ExecutorService publisher;
    private JMSContext jms;

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
        publisher = Executors.newSingleThreadExecutor(threads);
        pipeline.start(threads, "perfbridge-group-commit");
    }

    @PreDestroy
    void stop() {
        pipeline.stop();
        publisher.shutdown();
        try {
            publisher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeJms();
    }

    /** Stores the documents and queues the perfdata with the next group; returns once both are done. */
    public void store(List<Document> documents, List<CheckPerfdata> perfdata) {
        pipeline.submitAndWait(new Request(documents, perfdata));
    }

    private void insert(List<Request> group) {
        List<Document> documents = new ArrayList<>();
        group.forEach(request -> documents.addAll(request.documents()));
        storage.insertLogs(documents);
    }

    /**
     * Writes the embedded store's journal and publishes the perfdata at the same time, on two threads: each waits for its
     * disk, and together they take as long as the slower. Should the commit fail after the message went out, the
     * requests answer 503 and their points are delivered anyway; a resent check result writes the same points
     * again, which the sinks keep once.
     */
    private void commit(List<Request> groups) {
        List<CheckPerfdata> perfdata = new ArrayList<>();
        groups.forEach(request -> perfdata.addAll(request.perfdata()));
        Future<?> published = perfdata.isEmpty() ? CompletableFuture.completedFuture(null) : publisher.submit(() -> publish(perfdata));
        StorageUnavailableException notDurable = null;
        try {
            storage.makeLogsDurable();
        } catch (StorageUnavailableException e) {
            notDurable = e;
        }
        awaitPublished(published);
        if (notDurable != null) {
            throw notDurable;
        }
    }

    private static void awaitPublished(Future<?> published) {
        try {
            published.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("perfbridge is stopping", e);
        }
    }

    private void publish(List<CheckPerfdata> perfdata) {
        try {
            if (jms == null) {
                jms = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED);
            }
            jms.createProducer().send(perfdataQueue, PerfdataMessage.encode(perfdata));
            jms.commit();
        } catch (JMSRuntimeException e) {
            closeJms();
            LOG.log(Level.WARNING, "perfdata queue unavailable, {0} check results'' perfdata go to retention: {1}",
                    new Object[] {perfdata.size(), e.getMessage()});
            delivery.retainForAllSinks(CheckPerfdata.samplesOf(perfdata));
        }
    }

    /** A broken session is dropped and opened anew for the next group. */
    private void closeJms() {
        if (jms != null) {
            try {
                jms.close();
            } catch (JMSRuntimeException ignored) {
                // already broken: nothing more to release
            }
            jms = null;
        }
    }
}
