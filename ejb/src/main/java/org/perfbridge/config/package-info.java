/** Settings read from WildFly system properties, with environment variables as fallback. */
package org.perfbridge.config;
