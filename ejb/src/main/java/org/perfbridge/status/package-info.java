/** The status report: sinks, retention and queue depth at a glance. */
package org.perfbridge.status;
