package org.perfbridge.delivery;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.perfbridge.sink.CheckPerfdata;
import org.perfbridge.sink.PerfdataMessage;

/**
 * Takes the perfdata of one group of ingest requests from the queue and delivers it. Any failure it cannot turn into
 * retention (MongoDB down as well) escapes, so the broker redelivers the message and finally dead-letters it.
 * No JTA transaction: nothing it writes takes part in one, and without it the broker acknowledges the message
 * once {@code onMessage} returns instead of preparing and committing an XA transaction around every message.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/perfdata"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PerfdataDeliveryWorker implements MessageListener {

    @Inject
    PerfdataDelivery delivery;

    @Override
    public void onMessage(Message message) {
        try {
            String body = ((TextMessage) message).getText();
            delivery.deliver(CheckPerfdata.samplesOf(PerfdataMessage.decode(body)));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read perfdata message " + describe(message), e);
        }
    }

    private static String describe(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}
