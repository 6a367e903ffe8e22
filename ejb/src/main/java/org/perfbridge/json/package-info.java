/** JSON-P, looked up once, and the strict reading of request bodies. */
package org.perfbridge.json;
