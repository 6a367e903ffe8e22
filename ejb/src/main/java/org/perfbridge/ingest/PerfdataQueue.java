package org.perfbridge.ingest;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.perfbridge.delivery.PerfdataDelivery;
import org.perfbridge.sink.CheckPerfdata;
import org.perfbridge.sink.PerfdataMessage;

/**
 * Sends perfdata to the queue {@code perfdata} as one persistent message, or, when the queue cannot take it, keeps
 * it in retention for every sink. A JMSContext is for one thread at a time: one thread only calls this.
 */
final class PerfdataQueue {

    private static final Logger LOG = Logger.getLogger(PerfdataQueue.class.getName());

    private final ConnectionFactory connectionFactory;
    private final Queue queue;
    private final PerfdataDelivery delivery;
    private JMSContext jms;

    PerfdataQueue(ConnectionFactory connectionFactory, Queue queue, PerfdataDelivery delivery) {
        this.connectionFactory = connectionFactory;
        this.queue = queue;
        this.delivery = delivery;
    }

    /** Throws when retention cannot take what the queue did not. */
    void publishOrRetain(List<CheckPerfdata> perfdata) {
        if (perfdata.isEmpty()) {
            return;
        }
        try {
            if (jms == null) {
                jms = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED);
            }
            jms.createProducer().send(queue, PerfdataMessage.encode(perfdata));
            jms.commit();
        } catch (JMSRuntimeException e) {
            close();
            LOG.log(Level.WARNING, "perfdata queue unavailable, {0} check results'' perfdata go to retention: {1}",
                    new Object[] {perfdata.size(), e.getMessage()});
            delivery.retainForAllSinks(CheckPerfdata.samplesOf(perfdata));
        }
    }

    /** A broken session is dropped and opened anew for the next message. */
    void close() {
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
