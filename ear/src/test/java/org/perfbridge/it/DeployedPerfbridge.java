package org.perfbridge.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.perfbridge.it.support.TimeseriesServers;

/**
 * The setting of every end-to-end test: the real carbon and InfluxDB running, and the EAR the build produced
 * deployed, exactly as an operator deploys it, to the managed WildFly; tests call it over HTTP as a client.
 */
@ExtendWith({TimeseriesServers.class, ArquillianExtension.class})
public abstract class DeployedPerfbridge {

    @Deployment(testable = false)
    public static EnterpriseArchive ear() {
        return PerfbridgeEar.asBuilt();
    }
}
