/** The MongoDB connection (a real one, or the embedded default) and the JSON the API shows of documents. */
package org.perfbridge.storage;
