package org.vaultsync.sync.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.RoomSync;

/** The whole stack on the real Yjs-compatible engine: join, edit, big documents, offline edits. */
class YjsEngineSyncTest {
    private static final RoomCode ROOM = SimRoom.code("YJS234");

    @Test
    void peersSyncRealDocumentsBothWays() {
        SimRoom sim = new SimRoom(1).useYjsEngine();
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        YSimDocument docA = (YSimDocument) a.doc;
        YSimDocument docB = (YSimDocument) b.doc;
        docA.doc.getMap("m").set("name", "Atlas AS7-D");
        a.join(ROOM);
        b.join(ROOM);
        sim.run(2_000);
        assertEquals("Atlas AS7-D", docB.doc.getMap("m").get("name"));
        docB.doc.getMap("m").set("tonnage", 100.0);
        sim.run(500);
        assertEquals(100.0, docA.doc.getMap("m").get("tonnage"));
        assertTrue(sim.converged());
    }

    @Test
    void aBigDocumentReachesANewcomerIn16KiBParts() {
        SimRoom sim = new SimRoom(2).useYjsEngine();
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add("equipment row " + i + " medium laser, left torso");
        }
        ((YSimDocument) a.doc).doc.getArray("a").push(rows);
        a.join(ROOM);
        sim.run(1_000);
        b.join(ROOM);
        sim.run(3_000);
        assertTrue(sim.converged());
        assertEquals(5_000, ((YSimDocument) b.doc).doc.getArray("a").length());
        assertTrue(a.session.stats().step2Sent > 5, "sent in parts: " + a.session.stats().step2Sent);
        assertTrue(a.session.stats().largestMessage <= RoomSync.MAX_UPDATE_BYTES + 8);
    }

    @Test
    void offlineEditsOfBothSidesMergeOnReconnect() {
        SimRoom sim = new SimRoom(3).useYjsEngine();
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        sim.joinAndSettle(ROOM, a, b);
        b.leave();
        ((YSimDocument) a.doc).doc.getMap("m").set("a-offline", true);
        ((YSimDocument) b.doc).doc.getMap("m").set("b-offline", true);
        sim.run(5_000);
        b.join(ROOM);
        sim.run(5_000);
        assertTrue(sim.converged(), sim.describe());
        assertEquals(true, ((YSimDocument) a.doc).doc.getMap("m").get("b-offline"));
    }

    @Test
    void anIndivisibleValueOver256KiBIsReportedNotRetriedForever() {
        SimRoom sim = new SimRoom(4).useYjsEngine();
        SimPeer a = sim.addPeer();
        SimPeer b = sim.addPeer();
        sim.joinAndSettle(ROOM, a, b);
        ((YSimDocument) a.doc).doc.getMap("m").set("huge", "x".repeat(300_000));
        ((YSimDocument) a.doc).doc.getMap("m").set("small", "still shared");
        sim.run(120_000);
        assertTrue(a.events.stream().anyMatch(e -> e instanceof org.vaultsync.sync.SyncEvent.Error err
                && err.message().contains("too large to share")), a.events.toString());
        assertEquals(1, a.events.stream().filter(e -> e instanceof org.vaultsync.sync.SyncEvent.Error).count());
        assertTrue(a.session.stats().largestMessage <= RoomSync.MAX_MESSAGE_BYTES);
    }
}
