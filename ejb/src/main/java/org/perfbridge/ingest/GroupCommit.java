package org.perfbridge.ingest;

import com.mongodb.MongoException;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.perfbridge.sink.CheckPerfdata;
import org.perfbridge.sink.PerfdataDelivery;
import org.perfbridge.sink.PerfdataMessage;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.StorageUnavailableException;

/**
 * Group commit: the check results of all requests arriving while one write is under way are stored with the next
 * single {@code insertMany} and one commit of the embedded store, and their perfdata goes out as one persistent
 * JMS message. Each request is answered only after its group is stored and queued. The store and the broker pay
 * their per-write cost once per group instead of once per request.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());
    // Bounds one group: a larger one makes the requests in it wait longer for little gain.
    private static final int MAX_DOCUMENTS_PER_GROUP = 5000;

    record Request(List<Document> documents, List<CheckPerfdata> perfdata, CompletableFuture<Void> stored) {
    }

    private final BlockingQueue<Request> waiting = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private Thread writer;
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
        writer = threads.newThread(this::writeGroups);
        writer.setName("perfbridge-group-commit");
        writer.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
    }

    /** Stores the documents and queues the perfdata with the next group; returns once both are done. */
    public void store(List<Document> documents, List<CheckPerfdata> perfdata) {
        Request request = new Request(documents, perfdata, new CompletableFuture<>());
        waiting.add(request);
        try {
            request.stored().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof StorageUnavailableException unavailable) {
                throw unavailable;
            }
            throw e;
        }
    }

    private void writeGroups() {
        try {
            while (running) {
                List<Request> group = nextGroup();
                try {
                    write(group);
                } catch (RuntimeException e) {
                    // one bad group must not end the writer: every later request would wait for ever
                    LOG.log(Level.SEVERE, "group commit failed", e);
                    group.forEach(request -> request.stored().completeExceptionally(e));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeJms();
        }
        Request left;
        while ((left = waiting.poll()) != null) {
            left.stored().completeExceptionally(new StorageUnavailableException("perfbridge is stopping", null));
        }
    }

    private List<Request> nextGroup() throws InterruptedException {
        List<Request> group = new ArrayList<>();
        group.add(waiting.take());
        int documents = group.get(0).documents().size();
        Request next;
        while (documents < MAX_DOCUMENTS_PER_GROUP && (next = waiting.poll()) != null) {
            group.add(next);
            documents += next.documents().size();
        }
        return group;
    }

    private void write(List<Request> group) {
        List<Document> documents = new ArrayList<>();
        List<CheckPerfdata> perfdata = new ArrayList<>();
        for (Request request : group) {
            documents.addAll(request.documents());
            perfdata.addAll(request.perfdata());
        }
        try {
            storage.logs().insertMany(documents);
            storage.makeDurable();
        } catch (MongoException e) {
            StorageUnavailableException unavailable =
                    new StorageUnavailableException("MongoDB could not store the check results: " + e.getMessage(), e);
            group.forEach(request -> request.stored().completeExceptionally(unavailable));
            return;
        }
        if (!perfdata.isEmpty()) {
            publish(perfdata);
        }
        group.forEach(request -> request.stored().complete(null));
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
