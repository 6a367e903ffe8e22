/** JSON-P, looked up once. */
package org.perfbridge.json;
