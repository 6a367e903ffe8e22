package org.perfbridge.config;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.ObjectName;

/** The server's configuration as written, read through WildFly's JMX view of its model that keeps expressions. */
final class ServerConfiguration {

    private static final String SYSTEM_PROPERTY_EXPRESSIONS = "jboss.as.expr:system-property=";

    private ServerConfiguration() {
    }

    /** The value as configured, such as {@code ${env.GRAPHITE_PORT:2004}}; null outside WildFly or when there is none. */
    static String unresolvedSystemProperty(String name) {
        try {
            Object value = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName(SYSTEM_PROPERTY_EXPRESSIONS + name), "value");
            return value == null ? null : value.toString();
        } catch (JMException | RuntimeException e) {
            return null;
        }
    }
}
