package org.vaultsync.sync.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultsync.crdt.Hex;
import org.vaultsync.json.Json;
import org.vaultsync.protocol.SignalingCodec;
import org.vaultsync.protocol.SignalingMessage;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.ConnectionState;
import org.vaultsync.sync.ConnectionStateMachine;
import org.vaultsync.sync.RoomAccess;
import org.vaultsync.sync.SyncEvent;

/** Password rooms on the simulated network, with keys that complete later and out of order (like WebCrypto). */
class PasswordRoomTest {
    private static final RoomCode ROOM = SimRoom.code("PWDRMS");
    private static final String FRAME_PREFIX = "074145532d47434d0c"; // varString("AES-GCM"), varUint(12)
    private static final String SECRET_TEXT = "Natasha Kerensky's secret Atlas loadout";

    private static void putSecret(SimPeer peer) {
        ((YSimDocument) peer.doc).doc.getMap("m").set("pilot", SECRET_TEXT);
    }

    private static Object secretOf(SimPeer peer) {
        return ((YSimDocument) peer.doc).doc.getMap("m").get("pilot");
    }

    @Test
    void twoPeersWithThePasswordSyncAndNothingTravelsInClear() throws Exception {
        SimRoom sim = new SimRoom(21).useYjsEngine();
        List<String> relayed = new ArrayList<>();
        List<byte[]> dataChannel = new ArrayList<>();
        sim.server.tap = relayed::add;
        sim.peers.tap = dataChannel::add;
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        putSecret(a);
        a.joinWithPassword(ROOM, "correct horse");
        b.joinWithPassword(ROOM, "correct horse");
        sim.run(3_000);

        assertEquals(ConnectionState.CONNECTED, a.state());
        assertEquals(1, a.session.peers().size(), a.session.status().toString());
        assertEquals(SECRET_TEXT, secretOf(b));
        b.edit(40);
        sim.run(500);
        assertTrue(sim.converged(), sim.describe());

        assertFalse(relayed.isEmpty());
        for (String frame : relayed) {
            SignalingMessage.Publish publish = (SignalingMessage.Publish) SignalingCodec.decode(frame);
            assertTrue(publish.data() instanceof String, "publish.data is an encrypted string: " + frame);
            assertFalse(frame.contains("sdp") || frame.contains("offer") || frame.contains("candidate"), frame);
        }
        assertFalse(dataChannel.isEmpty());
        for (byte[] message : dataChannel) {
            assertTrue(Hex.of(message).startsWith(FRAME_PREFIX), "data-channel message is a frame");
            assertFalse(new String(message, StandardCharsets.ISO_8859_1).contains("Kerensky"));
        }
        assertEquals(0, a.session.unreadableMessages());
        assertFalse(a.session.passwordMismatchSeen());
    }

    @Test
    void aWrongPasswordIsToldWithinFiveSecondsAndTheRightOnesKeepSyncing() {
        SimRoom sim = new SimRoom(22).useYjsEngine();
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        SimPeer c = sim.addPeer();
        putSecret(a);
        a.joinWithPassword(ROOM, "correct horse");
        b.joinWithPassword(ROOM, "correct horse");
        sim.run(3_000);
        assertEquals(SECRET_TEXT, secretOf(b));

        long joinedAt = sim.network.clock.now();
        c.joinWithPassword(ROOM, "battery staple");
        while (c.state() != ConnectionState.WRONG_PASSWORD && sim.network.clock.now() - joinedAt < 10_000) {
            sim.run(50);
        }
        long toldAfter = sim.network.clock.now() - joinedAt;
        assertEquals(ConnectionState.WRONG_PASSWORD, c.state(), c.session.status().toString());
        assertTrue(toldAfter <= 5_000, "told after " + toldAfter + " ms");
        assertEquals("Wrong password for this room", c.session.status().describe(sim.network.clock.now()));
        assertTrue(c.events.contains(new SyncEvent.WrongPassword("PWDRMS")), c.events.toString());
        assertEquals(null, secretOf(c), "the wrong password reads nothing");

        sim.run(Math.max(0, 5_000 - toldAfter));
        for (SimPeer right : List.of(a, b)) {
            assertTrue(right.events.contains(new SyncEvent.PasswordMismatch()), right + " " + right.events);
            assertTrue(right.session.passwordMismatchSeen());
            assertEquals(ConnectionState.CONNECTED, right.state());
        }
        b.edit(30);
        a.edit(30);
        sim.run(1_000);
        assertEquals(((YSimDocument) a.doc).fingerprint(), ((YSimDocument) b.doc).fingerprint());
        assertEquals(1, a.session.peers().size(), "c never became a peer");

        sim.run(600_000);
        assertEquals(ConnectionState.WRONG_PASSWORD, c.state(), "no endless retrying either");
        assertEquals(ConnectionState.CONNECTED, a.state());
    }

    @Test
    void aLonePeerIsNotBlamedForANewcomersWrongPassword() {
        SimRoom sim = new SimRoom(23);
        SimPeer a = sim.addPeer();
        SimPeer c = sim.addPeer();
        a.joinWithPassword(ROOM, "correct horse");
        sim.run(5_000);
        c.joinWithPassword(ROOM, "battery staple");
        sim.run(5_000);
        assertEquals(ConnectionState.WRONG_PASSWORD, c.state());
        assertEquals(ConnectionState.CONNECTED, a.state());
        assertTrue(a.events.contains(new SyncEvent.PasswordMismatch()), a.events.toString());
        assertFalse(a.events.stream().anyMatch(e -> e instanceof SyncEvent.WrongPassword));
    }

    @Test
    void afterAWrongPasswordJoiningWithTheRightOneSyncs() {
        SimRoom sim = new SimRoom(24).useYjsEngine();
        SimPeer a = sim.addPeer();
        SimPeer c = sim.addPeer();
        putSecret(a);
        a.joinWithPassword(ROOM, "correct horse");
        sim.run(5_000);
        c.joinWithPassword(ROOM, "battery staple");
        sim.run(5_000);
        assertEquals(ConnectionState.WRONG_PASSWORD, c.state());

        c.joinWithPassword(ROOM, "correct horse");
        sim.run(3_000);
        assertEquals(ConnectionState.CONNECTED, c.state());
        assertEquals(SECRET_TEXT, secretOf(c));
        assertEquals(1, c.session.peers().size());
    }

    @Test
    void passwordAndOpenPeersOfOneRoomNeverTalkAndNobodyIsBlamed() {
        SimRoom sim = new SimRoom(25);
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        a.joinWithPassword(ROOM, "correct horse");
        b.join(ROOM);
        sim.run(10_000);
        b.join(ROOM);
        sim.run(10_000);
        assertEquals(0, a.session.peers().size());
        assertEquals(0, b.session.peers().size());
        assertEquals(ConnectionState.CONNECTED, a.state());
        assertEquals(ConnectionState.CONNECTED, b.state());
        assertFalse(a.session.passwordMismatchSeen(), "plaintext announces are ignored, as y-webrtc does");
    }

    @Test
    void tabsOfOneBrowserTalkEncryptedOnTheBroadcastChannel() {
        SimRoom sim = new SimRoom(26).useYjsEngine();
        List<byte[]> posted = new ArrayList<>();
        sim.broadcasts.tap = posted::add;
        SimPeer tab1 = sim.addPeer("tab1", "browser");
        SimPeer tab2 = sim.addPeer("tab2", "browser");
        putSecret(tab1);
        tab1.joinWithPassword(ROOM, "correct horse");
        tab2.joinWithPassword(ROOM, "correct horse");
        sim.run(3_000);
        assertEquals(SECRET_TEXT, secretOf(tab2));
        assertEquals(0, sim.peers.openEndpoints(), "tabs of one browser need no WebRTC");
        assertFalse(posted.isEmpty());
        for (byte[] message : posted) {
            assertTrue(Hex.of(message).startsWith(FRAME_PREFIX), Hex.of(message));
        }

        tab2.leave();
        sim.run(1_000);
        assertEquals(0, tab1.session.peers().size(), "the leave still went out, encrypted, before the channel closed");
    }

    @Test
    void dataChannelEncryptionCanBeTurnedOffAndThenOnlyPeersWithItOffSync() {
        SimRoom sim = new SimRoom(27).useYjsEngine();
        List<byte[]> dataChannel = new ArrayList<>();
        sim.peers.tap = dataChannel::add;
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        SimPeer c = sim.addPeer();
        putSecret(a);
        RoomAccess plainChannels = RoomAccess.password(sim.roomKey("correct horse", ROOM)).withDataChannelEncryption(false);
        a.join(ROOM, plainChannels);
        b.join(ROOM, RoomAccess.password(sim.roomKey("correct horse", ROOM)).withDataChannelEncryption(false));
        sim.run(3_000);
        assertEquals(SECRET_TEXT, secretOf(b));
        assertTrue(dataChannel.stream().anyMatch(m -> !Hex.of(m).startsWith(FRAME_PREFIX)),
                "with the option off data channels carry plain y-webrtc messages");

        c.joinWithPassword(ROOM, "correct horse"); // option on: cannot read a and b's plain data-channel messages
        sim.run(20_000);
        assertEquals(null, secretOf(c));
        assertTrue(c.session.unreadableMessages() > 0);
        assertNotEquals(ConnectionState.WRONG_PASSWORD, c.state(), "same password: not a password problem");
    }

    @Test
    void aKeyMadeForAnotherRoomIsRefused() {
        SimRoom sim = new SimRoom(28);
        SimPeer a = sim.addPeer();
        RoomAccess otherRoom = RoomAccess.password(sim.roomKey("correct horse", SimRoom.code("THERMS")));
        assertThrows(IllegalArgumentException.class, () -> a.join(ROOM, otherRoom));
        assertEquals(ConnectionState.DISCONNECTED, a.state());
    }

    @Test
    void aPasswordRoomOfFiveConvergesUnderChaosWithOutOfOrderCrypto() {
        SimRoom sim = new SimRoom(29).useYjsEngine();
        sim.peers.hostile = true;
        List<SimPeer> peers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SimPeer peer = sim.addPeer();
            peers.add(peer);
            peer.joinWithPassword(ROOM, "correct horse");
            peer.edit(50);
            sim.run(300);
        }
        for (int round = 0; round < 20; round++) {
            peers.get(round % 5).edit(200);
            sim.run(150);
        }
        sim.peers.hostile = false;
        assertTrue(sim.runUntilConverged(120_000, 500) < 120_000, sim.describe());
        for (SimPeer peer : peers) {
            assertEquals(ConnectionState.CONNECTED, peer.state());
        }
    }
}
