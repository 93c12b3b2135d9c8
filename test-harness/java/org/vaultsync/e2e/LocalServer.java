package org.vaultsync.e2e;

import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;

/** The real server on a free loopback port, serving the web app this build compiled; one per test class. */
public final class LocalServer implements BeforeAllCallback, AfterAllCallback {
    private VaultSyncServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = VaultSyncServer.start(new ServerConfig(ServerConfig.LOOPBACK, 0), WebAppAssets.fromClasspath());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.stop();
    }

    /** Address of a page of the app, e.g. {@code page("#/vault/pilots")}. */
    public String page(String fragment) {
        return server.baseUri().resolve("/").toString() + fragment;
    }

    public URI baseUri() {
        return server.baseUri();
    }
}
