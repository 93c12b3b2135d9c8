package org.vaultsync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;

class WebSocketUpgradeTest {
    @Test
    void acceptValueMatchesTheRfcExample() {
        // RFC 6455 section 1.3.
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketUpgrade.accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void refusedUpgradeFailsConnectWithTheServersStatus() throws Exception {
        VaultSyncServer server = VaultSyncServer.start(new ServerConfig("127.0.0.1", 0), WebAppAssets.fromClasspath());
        SignalingLoad load = new SignalingLoad();
        try {
            URI wrongPath = server.signalingUri().resolve("/no-such-endpoint");
            IOException failure = assertThrows(IOException.class, () -> load.connect(wrongPath, 3, 1, "refused-"));
            assertTrue(failure.getMessage().contains("refused: HTTP/1.1 404"), failure.getMessage());
        } finally {
            load.close();
            server.stop();
        }
    }
}
