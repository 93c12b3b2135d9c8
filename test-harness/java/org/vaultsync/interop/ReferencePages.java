package org.vaultsync.interop;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The pinned npm packages (yjs, y-webrtc, y-indexeddb) and the y-webrtc reference page, served for the tests of one
 * class: {@code @RegisterExtension static final ReferencePages REFERENCE = new ReferencePages();}, then
 * {@link #server()}. Started before the class's first test, closed after its last.
 */
public final class ReferencePages implements BeforeAllCallback, AfterAllCallback {
    private static final Path NODE_MODULES = Path.of("test-harness/node/node_modules");
    private NodeModulesServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = new NodeModulesServer(NODE_MODULES);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public NodeModulesServer server() {
        if (server == null) {
            throw new IllegalStateException("the reference pages are served only while the test class runs");
        }
        return server;
    }
}
