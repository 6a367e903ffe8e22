package org.perfbridge.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR the build produced, exactly as an operator deploys it. */
public final class PerfbridgeEar {

    private PerfbridgeEar() {
    }

    public static EnterpriseArchive asBuilt() {
        File ear = new File(System.getProperty("it.ear", "target/perfbridge.ear"));
        return ShrinkWrap.create(ZipImporter.class, "perfbridge.ear").importFrom(ear).as(EnterpriseArchive.class);
    }
}
