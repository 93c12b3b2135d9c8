package org.vaultsync.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crypto.JvmKeys;
import org.vaultsync.crypto.RoomKey;
import org.vaultsync.presence.LocalIdentity;
import org.vaultsync.presence.PreferenceStore;
import org.vaultsync.protocol.SignalingCodec;
import org.vaultsync.protocol.SignalingMessage;
import org.vaultsync.room.RoomCode;
import org.vaultsync.room.RoomName;
import org.vaultsync.server.ServerConfig;
import org.vaultsync.server.VaultSyncServer;
import org.vaultsync.server.WebAppAssets;
import org.vaultsync.sync.ConnectionState;
import org.vaultsync.sync.RoomAccess;
import org.vaultsync.sync.RoomSession;
import org.vaultsync.sync.YDocSyncDocument;
import org.vaultsync.sync.mesh.SignalingConnection;
import org.vaultsync.sync.mesh.SignalingTransport;

/**
 * Two of our room sessions meet in a password room on our real signaling server over real WebSockets; every frame
 * that crosses the server (both directions, both clients) is recorded. None may carry item data, an SDP, an ICE
 * candidate, a display name or the password in clear: only the envelope (type, topic = room name, clients) is.
 */
class PasswordRoomRelayTest {
    private static final String PASSWORD = "Kell Hounds 3025";
    private static final String ITEM_TEXT = "Natasha Kerensky, Black Widow";

    @Test
    void ourServerRelaysNothingReadableInAPasswordRoom() throws Exception {
        VaultSyncServer server = VaultSyncServer.start(new ServerConfig(ServerConfig.LOOPBACK, 0),
                WebAppAssets.fromClasspath());
        List<String> frames = new CopyOnWriteArrayList<>();
        try {
            EventLoop loop = new EventLoop();
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/signal");
            LoopbackPeerNetwork webrtc = new LoopbackPeerNetwork(loop);
            RoomCode code = RoomCode.parse("KLH-325");
            RoomKey key = JvmKeys.derive(PASSWORD, RoomName.of(code));
            Random random = new Random(7);

            Doc docA = new Doc(random::nextBytes);
            docA.getMap("vault-items").set("pilot", ITEM_TEXT);
            Doc docB = new Doc(random::nextBytes);
            RoomSession a = session("Pilot Alpha", new Recording(new WebSocketSignalingTransport(uri, loop), frames),
                    webrtc, loop, random);
            RoomSession b = session("Pilot Bravo", new Recording(new WebSocketSignalingTransport(uri, loop), frames),
                    webrtc, loop, random);
            a.join(code, new YDocSyncDocument(docA), docA.clientId(), RoomAccess.password(key));
            b.join(code, new YDocSyncDocument(docB), docB.clientId(), RoomAccess.password(key));

            assertTrue(loop.runUntil(() -> ITEM_TEXT.equals(docB.getMap("vault-items").get("pilot"))
                    && a.peers().size() == 1 && b.peers().size() == 1, 15_000),
                    () -> "no sync: " + a.status() + " " + b.status());
            docB.getMap("vault-items").set("mech", "Atlas AS7-D");
            assertTrue(loop.runUntil(() -> "Atlas AS7-D".equals(docA.getMap("vault-items").get("mech")), 5_000));
            a.leave();
            b.leave();
            loop.runUntil(() -> false, 300);
            assertEquals(ConnectionState.DISCONNECTED, a.status().state());
        } finally {
            server.stop();
        }

        int publishes = 0;
        for (String frame : frames) {
            for (String clear : List.of(ITEM_TEXT, "Kerensky", "Atlas", PASSWORD, "Pilot Alpha", "Pilot Bravo",
                    "announce", "signal")) {
                assertFalse(frame.contains(clear), "'" + clear + "' in clear: " + frame);
            }
            for (String marker : LoopbackPeerNetwork.NEGOTIATION_MARKERS) {
                assertFalse(frame.contains(marker), "negotiation '" + marker + "' in clear: " + frame);
            }
            SignalingMessage message = SignalingCodec.decode(frame);
            if (message instanceof SignalingMessage.Publish publish) {
                publishes++;
                assertEquals("vault-sync/KLH325", publish.topic());
                assertTrue(publish.data() instanceof String, "encrypted data: " + frame);
                assertTrue(((String) publish.data()).startsWith("B0FFUy1HQ00M"), "base64 of the AES-GCM frame");
            }
        }
        // each side's announce, offer, answer and candidates, both as sent and as relayed to both subscribers
        assertTrue(publishes >= 10, publishes + " publishes in " + frames.size() + " frames");
    }

    private static RoomSession session(String name, SignalingTransport signaling, LoopbackPeerNetwork webrtc,
                                       EventLoop loop, Random random) {
        Map<String, String> preferences = new LinkedHashMap<>();
        LocalIdentity identity = LocalIdentity.load(new PreferenceStore() {
            public String get(String key) {
                return preferences.get(key);
            }

            public void put(String key, String value) {
                preferences.put(key, value);
            }
        }, random::nextBytes);
        identity.rename(name);
        return new RoomSession(signaling, webrtc.transport(), null, loop, random::nextDouble, random::nextBytes,
                identity);
    }

    /** Records every frame a client sends to the server and every frame the server sends to it. */
    private record Recording(SignalingTransport inner, List<String> frames) implements SignalingTransport {
        @Override
        public SignalingConnection connect(SignalingConnection.Listener listener) {
            SignalingConnection connection = inner.connect(new SignalingConnection.Listener() {
                @Override
                public void onOpen() {
                    listener.onOpen();
                }

                @Override
                public void onMessage(String frame) {
                    frames.add(frame);
                    listener.onMessage(frame);
                }

                @Override
                public void onClose(String reason) {
                    listener.onClose(reason);
                }
            });
            return new SignalingConnection() {
                @Override
                public void send(String frame) {
                    frames.add(frame);
                    connection.send(frame);
                }

                @Override
                public void close() {
                    connection.close();
                }
            };
        }
    }
}
