package org.vaultsync.sync.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crypto.JvmKeys;
import org.vaultsync.crypto.RoomCipher;

class EncryptedPeerTransportTest {
    @Test
    void preparingAPasswordRoomsTransportPreparesTheConnectionsUnderIt() {
        List<String> prepared = new ArrayList<>();
        PeerTransport browser = new PeerTransport() {
            public PeerConnection create(boolean initiator, PeerConnection.Listener listener) {
                throw new AssertionError("no connection expected");
            }

            public void prepare() {
                prepared.add("browser");
            }
        };
        RoomCipher cipher = new RoomCipher(JvmKeys.derive("secret", "vault-sync/ABCDEF"), new SecureRandomBytes());
        new EncryptedPeerTransport(browser, cipher, error -> { }).prepare();
        assertEquals(List.of("browser"), prepared);
    }
}
