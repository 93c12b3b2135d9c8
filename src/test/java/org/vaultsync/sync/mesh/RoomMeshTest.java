package org.vaultsync.sync.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultsync.protocol.RoomSignal;
import org.vaultsync.protocol.RoomSignalCodec;
import org.vaultsync.sync.VirtualScheduler;

/** The y-webrtc connection rules, fed signaling payloads directly. */
class RoomMeshTest {
    private final VirtualScheduler clock = new VirtualScheduler(1_000);
    private final List<Map<String, Object>> published = new ArrayList<>();
    private final List<Created> created = new ArrayList<>();
    private double random = 0.5;

    /** What the mesh asked the transport for, and which remote signals it fed in. */
    private static final class Created implements PeerConnection {
        final boolean initiator;
        final PeerConnection.Listener listener;
        final List<Map<String, Object>> fed = new ArrayList<>();

        Created(boolean initiator, PeerConnection.Listener listener) {
            this.initiator = initiator;
            this.listener = listener;
        }

        public void signal(Map<String, Object> signal) {
            fed.add(signal);
        }

        public boolean send(byte[] message) {
            return true;
        }

        public void close() {
        }
    }

    private RoomMesh mesh(RoomMesh.Listener listener) {
        RoomMesh mesh = new RoomMesh("vault-sync/ABCDEF", "me", (initiator, l) -> {
            Created c = new Created(initiator, l);
            created.add(c);
            return c;
        }, null, clock, () -> random, listener);
        mesh.signalingUp(published::add);
        return mesh;
    }

    private static final RoomMesh.Listener IGNORE = new RoomMesh.Listener() {
        public void onChannelOpen(PeerChannel channel) {
        }

        public void onChannelMessage(PeerChannel channel, byte[] message) {
        }

        public void onChannelClosed(PeerChannel channel) {
        }
    };

    private static Map<String, Object> announce(String from) {
        return RoomSignalCodec.toJson(new RoomSignal.Announce(from));
    }

    private static Map<String, Object> signal(String from, String to, double token, String type) {
        return RoomSignalCodec.toJson(new RoomSignal.Signal(from, to, token, Map.of("type", type, "sdp", "x")));
    }

    @Test
    void joiningAnnouncesUs() {
        mesh(IGNORE);
        assertEquals(List.of(announce("me")), published);
    }

    @Test
    void theReceiverOfAnAnnounceOffersAndTheNewcomerAnswers() {
        RoomMesh mesh = mesh(IGNORE);
        mesh.onRoomData(announce("newcomer"));
        assertEquals(1, created.size());
        assertTrue(created.get(0).initiator, "we received the announce, so we offer");

        mesh.onRoomData(signal("old-timer", "me", 5, "offer"));
        assertEquals(2, created.size());
        assertTrue(!created.get(1).initiator, "an offer from an unknown peer makes us the answerer");
        assertEquals(1, created.get(1).fed.size());
    }

    @Test
    void signalsCarryAGlareTokenOfNowPlusRandomThatStaysUntilAnswered() {
        RoomMesh mesh = mesh(IGNORE);
        mesh.onRoomData(announce("x"));
        Created conn = created.get(0);
        conn.listener.onSignal(Map.of("type", "offer", "sdp", "o"));
        clock.advance(10);
        conn.listener.onSignal(Map.of("type", "candidate", "candidate", Map.of()));
        RoomSignal.Signal offer = (RoomSignal.Signal) fromJson(published.get(1));
        RoomSignal.Signal candidate = (RoomSignal.Signal) fromJson(published.get(2));
        assertEquals(1_000.5, offer.token());
        assertEquals(offer.token(), candidate.token());
        assertEquals("x", offer.to());
        assertEquals("me", offer.from());
    }

    @Test
    void glareTheGreaterLocalTokenIgnoresTheRemoteOfferTheSmallerAcceptsIt() {
        RoomMesh mesh = mesh(IGNORE);
        mesh.onRoomData(announce("x"));
        Created conn = created.get(0);
        conn.listener.onSignal(Map.of("type", "offer", "sdp", "o")); // our token: 1000.5
        mesh.onRoomData(signal("x", "me", 999.9, "offer"));
        assertTrue(conn.fed.isEmpty(), "our token is greater: their offer is ignored");
        mesh.onRoomData(signal("x", "me", 1_000.7, "offer"));
        assertEquals(1, conn.fed.size(), "their token is greater: we answer their offer on the same connection");
        assertEquals(1, created.size());
    }

    @Test
    void anAnswerResetsTheTokenSoLaterSignalsGetAFreshOne() {
        RoomMesh mesh = mesh(IGNORE);
        mesh.onRoomData(announce("x"));
        Created conn = created.get(0);
        conn.listener.onSignal(Map.of("type", "offer", "sdp", "o"));
        mesh.onRoomData(signal("x", "me", 1, "answer"));
        clock.advance(100);
        conn.listener.onSignal(Map.of("type", "candidate", "candidate", Map.of()));
        assertEquals(1_100.5, ((RoomSignal.Signal) fromJson(published.get(2))).token());
    }

    @Test
    void ownEchoesForeignRecipientsAndJunkAreIgnored() {
        RoomMesh mesh = mesh(IGNORE);
        mesh.onRoomData(announce("me"));
        mesh.onRoomData(signal("x", "someone-else", 1, "offer"));
        mesh.onRoomData("base64-of-an-encrypted-payload");
        mesh.onRoomData(Map.of("type", "announce"));
        assertTrue(created.isEmpty());
        assertEquals(2, mesh.droppedSignals());
    }

    @Test
    void announcesAreAnsweredOnlyBelowMaxConnsButOffersAreAlwaysAccepted() {
        RoomMesh mesh = mesh(IGNORE);
        assertEquals(27, mesh.maxConns(), "20 + floor(0.5 * 15)");
        for (int i = 0; i < 40; i++) {
            mesh.onRoomData(announce("peer-" + i));
        }
        assertEquals(27, mesh.connectionCount());
        mesh.onRoomData(signal("late", "me", 1, "offer"));
        assertEquals(28, mesh.connectionCount(), "as in y-webrtc, an offer addressed to us is not capped");
    }

    @Test
    void maxConnsIsBetween20And34() {
        assertEquals(20, MaxConns.choose(() -> 0));
        assertEquals(34, MaxConns.choose(() -> 0.99999));
        assertEquals(20, MaxConns.choose(() -> Double.NaN));
    }

    @Test
    void aNegotiationThatNeverConnectsIsAbandonedAndWeAnnounceAgainWithBackoff() {
        random = 0;
        RoomMesh mesh = mesh(IGNORE);
        mesh.onRoomData(announce("x"));
        clock.advance(RoomMesh.PEER_CONNECT_TIMEOUT_MILLIS);
        assertEquals(0, mesh.connectionCount());
        clock.advance(999);
        assertEquals(1, published.size());
        clock.advance(1);
        assertEquals(announce("me"), published.get(1), "re-announced 1 s after the failure");
        clock.advance(2_000);
        assertEquals(3, published.size(), "then after 2 s");
    }

    @Test
    void leaveClosesEverythingAndIgnoresLaterTraffic() {
        RoomMesh mesh = mesh(IGNORE);
        mesh.onRoomData(announce("x"));
        mesh.leave();
        mesh.onRoomData(announce("y"));
        mesh.signalingUp(published::add);
        assertEquals(0, mesh.connectionCount());
        assertEquals(1, created.size());
        assertEquals(1, published.size());
        assertEquals(0, clock.pendingTasks());
    }

    private static RoomSignal fromJson(Map<String, Object> json) {
        try {
            return RoomSignalCodec.fromJson(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
