/**
 * Perfdata on its way to the sinks: the message-driven worker that takes it from the queue, the timer that sends
 * retained points once a sink is back, and the one write both make (written, counted, the refused kept).
 */
package org.perfbridge.delivery;
