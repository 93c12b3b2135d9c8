package org.vaultsync.e2e;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.vaultsync.server.ClientSettings;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;

/**
 * Two real servers: one serves the sync probe page and a client configuration that points at the other, a
 * signaling server on a fixed port that tests stop and start again (an outage the page survives, since the page
 * itself stays reachable).
 */
public final class ProbeServers implements BeforeAllCallback, AfterAllCallback {
    private static final Path PROBE = Path.of("target/test-classes/probe-webapp");
    /** The shipped app as this build compiled it (minified): the screens against a restartable signaling server. */
    public static final Path SHIPPED_APP = Path.of("target/classes/webapp");
    private final Path webApp;
    private VaultSyncServer pages;
    private VaultSyncServer signaling;
    private int signalingPort;

    /** The sync probe page. */
    public ProbeServers() {
        this(PROBE);
    }

    /** Serves {@code webApp} (a folder with an index.html) with signaling on the restartable server. */
    public ProbeServers(Path webApp) {
        this.webApp = webApp;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts both servers (outside JUnit, e.g. for benchmarks). */
    public void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            signalingPort = socket.getLocalPort();
        }
        startSignaling();
        ClientSettings client = ClientSettings.NONE.withSignalingUrl(signalingUrl());
        pages = VaultSyncServer.start(new ServerConfig(ServerConfig.LOOPBACK, 0).withClient(client),
                WebAppAssets.fromDirectory(webApp));
    }

    public void stop() {
        stopSignaling();
        if (pages != null) {
            pages.stop();
        }
    }

    public String probePage() {
        return pages.baseUri().resolve("/").toString();
    }

    public String signalingUrl() {
        return "ws://127.0.0.1:" + signalingPort + "/signal";
    }

    public synchronized void stopSignaling() {
        if (signaling != null) {
            signaling.stop();
            signaling = null;
        }
    }

    public synchronized void startSignaling() throws Exception {
        if (signaling == null) {
            signaling = VaultSyncServer.start(new ServerConfig(ServerConfig.LOOPBACK, signalingPort),
                    WebAppAssets.fromDirectory(PROBE));
        }
    }
}
