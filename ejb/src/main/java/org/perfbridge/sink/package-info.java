/**
 * Timeseries databases: the {@code Sink} interface, Graphite and InfluxDB with their encoders and naming,
 * and the message-driven worker that delivers queued perfdata to every enabled sink.
 */
package org.perfbridge.sink;
