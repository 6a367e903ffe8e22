/** Points kept in MongoDB for a sink that could not take them: retained batches, dead letters, and the redelivery lease. */
package org.perfbridge.retention;
