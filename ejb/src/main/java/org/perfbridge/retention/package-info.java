/** Points waiting in MongoDB for a sink that was unreachable, and the timer that sends them once it is back. */
package org.perfbridge.retention;
