package org.perfbridge.it;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;
import org.jboss.dmr.ModelNode;

/** Changes perfbridge settings (system properties) on the running test server, as an operator does in the console, and puts them back. */
public final class ServerSettings implements AutoCloseable {

    private final ManagementClient management;
    private final Map<String, String> previous = new LinkedHashMap<>();

    public ServerSettings(ManagementClient management) {
        this.management = management;
    }

    public ServerSettings set(String name, String value) throws IOException {
        ModelNode address = Operations.createAddress("system-property", name);
        ModelNode current = execute(Operations.createReadAttributeOperation(address, "value"), false);
        if (!previous.containsKey(name)) {
            previous.put(name, Operations.isSuccessfulOutcome(current) ? Operations.readResult(current).asStringOrNull() : null);
        }
        if (Operations.isSuccessfulOutcome(current)) {
            execute(Operations.createWriteAttributeOperation(address, "value", value), true);
        } else {
            ModelNode add = Operations.createAddOperation(address);
            add.get("value").set(value);
            execute(add, true);
        }
        return this;
    }

    @Override
    public void close() throws IOException {
        for (Map.Entry<String, String> setting : previous.entrySet()) {
            ModelNode address = Operations.createAddress("system-property", setting.getKey());
            if (setting.getValue() == null) {
                execute(Operations.createRemoveOperation(address), true);
            } else {
                execute(Operations.createWriteAttributeOperation(address, "value", setting.getValue()), true);
            }
        }
        previous.clear();
    }

    private ModelNode execute(ModelNode operation, boolean mustSucceed) throws IOException {
        ModelNode result = management.getControllerClient().execute(operation);
        if (mustSucceed && !Operations.isSuccessfulOutcome(result)) {
            throw new AssertionError("management operation " + operation + " failed: " + Operations.getFailureDescription(result));
        }
        return result;
    }
}
