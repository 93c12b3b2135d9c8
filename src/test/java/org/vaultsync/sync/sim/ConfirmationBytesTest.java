package org.vaultsync.sync.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.room.RoomCode;

/**
 * What a delivery confirmation costs (the vault turns them on): the receiver of an update sends its state vector,
 * the sender answers with a step 2. A plain y-protocols step 2 carries the sender's whole delete set; ours leaves out
 * the deletions the peer holds, so the round stays tens of bytes however long the room's deletion history is.
 */
class ConfirmationBytesTest {
    private static final RoomCode ROOM = SimRoom.code("CNF234");

    /** Bytes of sync messages by kind: [0] step 1, [1] step 2, [2] update, and how many of each. */
    private final long[] bytes = new long[3];
    private final int[] counts = new int[3];
    private final List<Integer> answerSizes = new ArrayList<>();

    @Test
    void aConfirmationRoundAfterAOneFieldEditCostsTensOfBytesWhateverTheDeletionHistory() throws Exception {
        SimRoom sim = confirmingPair(11, 3_000, 1_000);
        Doc ownerDoc = doc(sim, 0);
        Doc editorDoc = doc(sim, 1);
        assertTrue(sim.converged(), sim.describe());
        int plainAnswer = editorDoc.encodeStateAsUpdate(ownerDoc.encodeStateVector()).length;
        assertTrue(plainAnswer > 5_000, "a long history: a y-protocols step 2 would be " + plainAnswer + " bytes");

        editorDoc.getMap("m").set("bv", 1897.0); // overwrites: the update carries a deletion too
        sim.run(1_000);

        assertEquals(1897.0, ownerDoc.getMap("m").get("bv"));
        assertEquals(1, counts[2], "the edit's update");
        assertEquals(1, counts[0], "the owner's confirmation (its state vector)");
        assertEquals(1, counts[1], "the editor's answer");
        long round = bytes[0] + bytes[1];
        assertTrue(round <= 40, "confirmation round: step 1 " + bytes[0] + " + step 2 " + bytes[1] + " bytes");
        assertTrue(sim.converged(), sim.describe());
    }

    @Test
    void everyEditOfABurstIsConfirmedCheaplyAndBothSidesKeepEveryDeletion() {
        SimRoom sim = confirmingPair(12, 2_000, 0);
        Doc docA = doc(sim, 0);
        Doc docB = doc(sim, 1);
        for (int round = 0; round < 20; round++) {
            Doc editing = round % 2 == 0 ? docA : docB;
            editing.getMap("m").set("field" + round % 3, (double) round);
            editing.getArray("a").delete(round, 1);
            sim.run(500);
        }
        assertTrue(sim.converged(), sim.describe());
        assertEquals(20, counts[1], "one answer per confirmation");
        assertTrue(bytes[1] <= 20 * 30, "answers carry only what the peer lacks: " + bytes[1] + " bytes for 20");
    }

    @Test
    void answersLeaveOutTheUpdatesStillOnTheirWayToThePeer() {
        SimRoom sim = confirmingPair(13, 1_000, 0);
        Doc editorDoc = doc(sim, 1);
        // bursts faster than the network (1-20 ms a message): when a confirmation reaches the editor, more of its
        // updates are on the way; a y-protocols answer would repeat them all
        for (int burst = 0; burst < 20; burst++) {
            for (int i = 0; i < 50; i++) {
                editorDoc.getMap("m").set("field" + i % 7, (double) (burst * 100 + i));
            }
            sim.run(20);
        }
        sim.run(1_000);
        assertTrue(sim.converged(), sim.describe());
        assertTrue(answerSizes.size() >= 3, "confirmations answered: " + answerSizes);
        for (int size : answerSizes) {
            assertTrue(size <= 40, "every answer leaves out what is in flight: " + answerSizes);
        }
    }

    /**
     * Two peers on the Yjs engine that confirm received updates (as the vault does), each with a deletion history
     * of {@code items / 2} separate ranges, joined and settled; counting sync messages from then on.
     */
    private SimRoom confirmingPair(long seed, int ownerItems, int editorItems) {
        SimRoom sim = new SimRoom(seed).useYjsEngine();
        SimPeer owner = sim.addPeer();
        SimPeer editor = sim.addPeer();
        for (SimPeer peer : List.of(owner, editor)) {
            ((YSimDocument) peer.doc).sync.setConfirmsReceivedUpdates(true);
        }
        leaveALongDeletionHistory(doc(sim, 0), ownerItems);
        leaveALongDeletionHistory(doc(sim, 1), editorItems);
        sim.joinAndSettle(ROOM, owner, editor);
        count(sim);
        return sim;
    }

    private static Doc doc(SimRoom sim, int member) {
        return ((YSimDocument) sim.members.get(member).doc).doc;
    }

    /** Items pushed one by one, then every other one deleted: a delete set of {@code items / 2} separate ranges. */
    private static void leaveALongDeletionHistory(Doc doc, int items) {
        YArray array = doc.getArray("a");
        for (int i = 0; i < items; i++) {
            array.push(List.of((double) i));
        }
        for (int i = items - 1; i >= 0; i -= 2) {
            array.delete(i, 1);
        }
    }

    private void count(SimRoom sim) {
        sim.peers.tap = message -> {
            if (message.length > 1 && message[0] == 0 && message[1] >= 0 && message[1] <= 2) {
                bytes[message[1]] += message.length;
                counts[message[1]]++;
                if (message[1] == 1) {
                    answerSizes.add(message.length);
                }
            }
        };
    }
}
