package org.perfbridge.storage;

import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The MongoDB driver prunes its static buffer pool on a thread it never ends. In a server that redeploys, each
 * deployment's copy of the driver leaves one behind, and that thread holds the deployment's classes: RedeployLeakIT
 * counted 15 after 15 redeploys, then metaspace ran out. The driver's own way to end it is package-private.
 */
final class DriverThreads {

    private static final Logger LOG = Logger.getLogger(DriverThreads.class.getName());
    private static final String BUFFER_POOL = "com.mongodb.internal.connection.PowerOfTwoBufferPool";

    private DriverThreads() {
    }

    /** Once this deployment's clients are closed: the pool is this deployment's alone, and nothing uses it any more. */
    static void endBufferPoolPruner() {
        try {
            Class<?> pool = Class.forName(BUFFER_POOL, false, DriverThreads.class.getClassLoader());
            Object shared = pool.getField("DEFAULT").get(null);
            Method disablePruning = pool.getDeclaredMethod("disablePruning");
            disablePruning.setAccessible(true);
            disablePruning.invoke(shared);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "the MongoDB driver's buffer pool pruner is left running (a redeploy then keeps this "
                    + "deployment's classes): " + e);
        }
    }
}
