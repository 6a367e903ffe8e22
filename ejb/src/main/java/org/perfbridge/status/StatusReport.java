package org.perfbridge.status;

import static org.perfbridge.json.JsonFactory.JSON;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.perfbridge.ingest.GroupCommit;
import org.perfbridge.ingest.PerfdataStatistics;
import org.perfbridge.retention.DeadLetterStore;
import org.perfbridge.retention.RetentionStore;
import org.perfbridge.sink.EnabledSinks;
import org.perfbridge.sink.Sink;
import org.perfbridge.sink.SinkHealth;
import org.perfbridge.sink.SinkKind;
import org.perfbridge.sink.SinkUnavailableException;
import org.perfbridge.storage.MongoStorage;
import org.perfbridge.storage.StorageUnavailableException;

/** What an operator checks first: each sink (enabled, reachable, last error, retained points) and the queue depth. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatusReport {

    // The same resource the admin console shows under Messaging, read through WildFly's JMX view of its model.
    private static final String QUEUE_MODEL = "jboss.as:subsystem=messaging-activemq,server=default,jms-queue=";

    @Inject
    EnabledSinks sinks;

    @Inject
    SinkHealth health;

    @Inject
    RetentionStore retention;

    @Inject
    MongoStorage storage;

    @Inject
    DeadLetterStore deadLetters;

    @Inject
    PerfdataStatistics perfdata;

    @Inject
    GroupCommit groupCommit;

    public JsonObject report() {
        JsonArrayBuilder sinkArray = JSON.createArrayBuilder();
        List<Sink> enabled = sinks.all();
        for (SinkKind kind : SinkKind.values()) {
            Sink sink = enabled.stream().filter(s -> s.kind() == kind).findFirst().orElse(null);
            sinkArray.add(sinkStatus(kind.key(), sink));
        }
        // read before the depth: perfdata leaves this count only once its message is in the queue
        int waitingToEnter = groupCommit.perfdataWaitingForQueue();
        return JSON.createObjectBuilder()
                .add("sinks", sinkArray)
                .add("queue", queueStatus("perfdata").add("check_results_waiting_to_enter", waitingToEnter))
                .add("dead_letter_queue", queueStatus("DLQ"))
                .add("perfdata", perfdata.toJson())
                .add("mongo", mongoStatus())
                .build();
    }

    private JsonObjectBuilder mongoStatus() {
        JsonObjectBuilder mongo = JSON.createObjectBuilder().add("embedded", storage.isEmbedded())
                .add("in_memory", storage.isInMemory()).add("reachable", storage.isReachable());
        storage.writeFailure().ifPresentOrElse(failure -> mongo.add("writable", false).add("write_failure", failure),
                () -> mongo.add("writable", true));
        return mongo;
    }

    private JsonObjectBuilder sinkStatus(String name, Sink sink) {
        SinkHealth.Counters counters = health.of(name);
        JsonObjectBuilder status = JSON.createObjectBuilder()
                .add("name", name)
                .add("enabled", sink != null);
        if (sink != null) {
            try {
                sink.checkConnection();
                status.add("reachable", true);
            } catch (SinkUnavailableException e) {
                status.add("reachable", false).add("reachable_error", e.getMessage());
            }
        }
        status.add("points_delivered", counters.delivered())
                .add("points_retained", counters.retained())
                .add("failures", counters.failures())
                .add("points_rejected", counters.rejected())
                .add("points_dropped_by_retention_bounds", counters.droppedByBounds());
        if (counters.lastError() != null) {
            status.add("last_error", counters.lastError()).add("last_error_at", counters.lastErrorAt().toString());
        } else {
            status.addNull("last_error");
        }
        try {
            return status.add("retention_count", retention.count(name)).add("dead_letter_count", deadLetters.count(name));
        } catch (StorageUnavailableException e) {
            return status.addNull("retention_count").addNull("dead_letter_count");
        }
    }

    private static JsonObjectBuilder queueStatus(String queueName) {
        JsonObjectBuilder queue = JSON.createObjectBuilder().add("name", queueName);
        try {
            ObjectName model = new ObjectName(QUEUE_MODEL + queueName);
            MBeanServer beans = ManagementFactory.getPlatformMBeanServer();
            Object depth = beans.getAttribute(model, "messageCount");
            Object added = beans.getAttribute(model, "messagesAdded");
            return queue.add("depth", ((Number) depth).longValue()).add("messages_added", ((Number) added).longValue());
        } catch (JMException | RuntimeException e) {
            return queue.addNull("depth").addNull("messages_added").add("error", "queue depth unavailable: " + e.getClass().getSimpleName());
        }
    }
}
