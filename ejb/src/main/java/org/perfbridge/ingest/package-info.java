/** Check results in: validation, the {@code logcheckresult} log in MongoDB, and publishing perfdata to the queue. */
package org.perfbridge.ingest;
