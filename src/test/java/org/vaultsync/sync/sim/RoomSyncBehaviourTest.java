package org.vaultsync.sync.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.RoomSync;

class RoomSyncBehaviourTest {
    private static final RoomCode ROOM = SimRoom.code("SYNC22");
    private static final int LIMIT = RoomSync.MAX_UPDATE_BYTES + 8; // message type, sync type, length prefix

    private static SimRoom noAntiEntropy(long seed) {
        SimRoom sim = new SimRoom(seed);
        sim.antiEntropyInterval = 0; // prove that the targeted repair, not the periodic exchange, fixes things
        return sim;
    }

    @Test
    void aLargeStep2TravelsAsSeveralMessagesOfAtMost16KiB() {
        SimRoom sim = new SimRoom(1);
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        for (int i = 0; i < 200; i++) {
            a.edit(1_000);
        }
        a.join(ROOM);
        sim.run(1_000);
        b.join(ROOM);
        sim.run(3_000);
        assertTrue(sim.converged());
        assertEquals(200, b.doc.editCount());
        assertTrue(a.session.stats().step2Sent >= 13, "200 kB in 16 KiB parts: " + a.session.stats().step2Sent);
        assertTrue(a.session.stats().largestMessage <= LIMIT, "largest " + a.session.stats().largestMessage);
    }

    @Test
    void anotherTabGetsALargeStateInOneBroadcastMessageBeyondTheDataChannelLimits() {
        SimRoom sim = new SimRoom(12);
        SimPeer tab1 = sim.addPeer("tab1", "laptop");
        SimPeer tab2 = sim.addPeer("tab2", "laptop");
        for (int i = 0; i < 300; i++) {
            tab1.edit(1_000);
        }
        int[] largest = {0};
        sim.broadcasts.tap = message -> largest[0] = Math.max(largest[0], message.length);
        tab2.join(ROOM);
        sim.run(500);
        tab1.join(ROOM);
        sim.run(2_000);
        assertTrue(sim.converged(), sim.describe());
        assertEquals(300, tab2.doc.editCount());
        // a structured clone between tabs has no SCTP limit: the state is not cut or refused (y-webrtc sends it whole)
        assertTrue(largest[0] > RoomSync.MAX_MESSAGE_BYTES, "largest broadcast " + largest[0]);
        assertEquals(0, tab1.session.stats().failedSends);
    }

    @Test
    void aLoneTabPostsNoStateToNobodyAndATabOpenedLaterStillGetsEverything() {
        SimRoom sim = new SimRoom(13);
        SimPeer tab1 = sim.addPeer("tab1", "laptop");
        for (int i = 0; i < 50; i++) {
            tab1.edit(1_000);
        }
        int[] largest = {0};
        sim.broadcasts.tap = message -> largest[0] = Math.max(largest[0], message.length);
        tab1.join(ROOM);
        sim.run(2_000);
        assertTrue(largest[0] < 1_000, "only small messages (peer id, step 1, awareness) with no other tab: " + largest[0]);

        SimPeer tab2 = sim.addPeer("tab2", "laptop");
        tab2.join(ROOM);
        sim.run(2_000);
        assertTrue(sim.converged(), sim.describe());
        assertEquals(50, tab2.doc.editCount());
        tab1.edit(10);
        tab2.edit(10);
        sim.run(1_000);
        assertTrue(sim.converged(), sim.describe());
        assertEquals(52, tab1.doc.editCount());
    }

    @Test
    void aLargeLiveUpdateIsSplitIntoValidUpdatesOfAtMost16KiB() {
        SimRoom sim = new SimRoom(2);
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        sim.joinAndSettle(ROOM, a, b);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            payloads.add(new byte[1_000]);
        }
        ((OpLogDocument) a.doc).editBatch(payloads);
        sim.run(1_000);
        assertEquals(100, b.doc.editCount());
        assertTrue(a.session.stats().largestMessage <= LIMIT, "largest " + a.session.stats().largestMessage);
    }

    @Test
    void aFailedSendLeadsToAResyncNotSilentDivergence() {
        SimRoom sim = noAntiEntropy(3);
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        sim.joinAndSettle(ROOM, a, b);
        sim.peers.failingSends.put(a.node, 1);
        a.edit(10);
        sim.run(100);
        assertEquals(0, b.doc.editCount(), "the send failed");
        sim.run(5_000);
        assertEquals(1, a.session.stats().failedSends);
        assertTrue(a.session.stats().resyncs >= 1);
        assertEquals(1, b.doc.editCount(), "repaired by a resync");
    }

    @Test
    void aGapInReceivedUpdatesTriggersAResyncWithTheSender() {
        SimRoom sim = noAntiEntropy(4);
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        sim.joinAndSettle(ROOM, a, b);
        sim.peers.silentlyLost.put(a.node, 1);
        a.edit(10);
        a.edit(10);
        sim.run(5_000);
        assertEquals(2, b.doc.editCount(), "the second update revealed the gap; b asked a again");
        assertTrue(b.session.stats().resyncs >= 1);
    }

    @Test
    void aSilentlyLostLastUpdateIsRepairedByThePeriodicExchange() {
        SimRoom sim = new SimRoom(5);
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        sim.joinAndSettle(ROOM, a, b);
        sim.peers.silentlyLost.put(a.node, 1);
        a.edit(10);
        sim.run(1_000);
        assertEquals(0, b.doc.editCount());
        sim.run(RoomSync.ANTI_ENTROPY_INTERVAL_MILLIS);
        assertEquals(1, b.doc.editCount());
    }

    @Test
    void anUpdateIsNeverEchoedToItsSender() {
        SimRoom sim = new SimRoom(6);
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        sim.joinAndSettle(ROOM, a, b);
        a.edit(10);
        sim.run(500);
        assertEquals(0, b.session.stats().updatesRelayed);
        assertEquals(1, a.session.stats().updatesSent);
    }

    @Test
    void aPartialMeshRelaysOnlyToPeersTheSenderIsNotConnectedTo() {
        SimRoom sim = new SimRoom(7);
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        SimPeer c = sim.addPeer();
        a.join(ROOM);
        b.join(ROOM);
        c.join(ROOM);
        sim.run(3_000);
        assertEquals(2, a.session.reachablePeerCount());
        sim.network.block(a.node, c.node);
        sim.run(20_000);
        assertEquals(1, a.session.reachablePeerCount(), "a-c failed; a and c reach each other only through b");

        a.edit(10);
        sim.run(1_000);
        assertEquals(1, c.doc.editCount());
        assertEquals(1, b.session.stats().updatesRelayed, "b relays to c, and not back to a");
        assertEquals(2, c.session.peers().size(), "c still sees a in the roster, through b's awareness relay");

        sim.network.heal();
        sim.run(60_000);
        assertEquals(2, a.session.reachablePeerCount(), "the link comes back after healing");
        c.edit(10);
        sim.run(1_000);
        assertEquals(1, b.session.stats().updatesRelayed, "full mesh again: nothing relayed");
        assertTrue(sim.converged());
    }
}
