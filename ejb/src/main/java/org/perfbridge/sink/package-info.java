/** Timeseries databases: the {@code Sink} interface, Graphite and InfluxDB with their encoders and naming. */
package org.perfbridge.sink;
