package org.vaultsync.crdt.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultsync.crdt.Canonical;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.RandomEdits;

class UpdateChunkerTest {
    private static final int LIMIT = 16 * 1024;

    private static Doc doc(int clientId) {
        Doc doc = new Doc(new Random(clientId)::nextBytes);
        doc.setClientId(clientId);
        return doc;
    }

    private static String content(Doc doc) {
        return Canonical.json(doc.getMap("m").toJSON()) + Canonical.json(doc.getArray("a").toJSON());
    }

    private static List<String> strings(int count, int length) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(("v" + i + "-").repeat(length).substring(0, length));
        }
        return values;
    }

    @Test
    void aSmallUpdateIsSentAsItIs() throws Exception {
        Doc a = doc(1);
        a.getMap("m").set("k", "v");
        byte[] update = a.encodeStateAsUpdate();
        List<byte[]> parts = UpdateChunker.split(update, LIMIT);
        assertEquals(1, parts.size());
        assertSame(update, parts.get(0));
    }

    @Test
    void oneBigArrayInsertBecomesSeveralValidUpdatesOfAtMost16KiB() throws Exception {
        Doc a = doc(1);
        a.getArray("a").push(strings(2_000, 40));
        byte[] update = a.encodeStateAsUpdate();
        assertTrue(update.length > 80_000);

        List<byte[]> parts = UpdateChunker.split(update, LIMIT);

        assertTrue(parts.size() >= 5, parts.size() + " parts");
        for (byte[] part : parts) {
            assertTrue(part.length <= LIMIT, "part of " + part.length + " bytes");
        }
        Doc b = doc(2);
        for (byte[] part : parts) {
            b.applyUpdate(part);
            assertTrue(b.pending().isEmpty(), "each part is complete on its own, given the earlier ones");
        }
        assertEquals(content(a), content(b));
    }

    @Test
    void partsArrivingShuffledAndDuplicatedStillConverge() throws Exception {
        Doc a = doc(1);
        a.transact(t -> {
            a.getArray("a").push(strings(1_500, 30));
            a.getMap("m").set("big", strings(1, 100).get(0));
        });
        List<byte[]> parts = new ArrayList<>(UpdateChunker.split(a.encodeStateAsUpdate(), 4 * 1024));
        parts.addAll(parts.subList(0, 3));
        Collections.shuffle(parts, new Random(5));
        Doc b = doc(2);
        for (byte[] part : parts) {
            b.applyUpdate(part);
        }
        assertEquals(content(a), content(b));
        assertTrue(b.pending().isEmpty());
    }

    @Test
    void deletionsTravelInPartsOfTheirOwn() throws Exception {
        Doc a = doc(1);
        a.getArray("a").push(strings(3_000, 10));
        Doc b = doc(2);
        b.applyUpdate(a.encodeStateAsUpdate());
        byte[] before = a.encodeStateVector();
        List<byte[]> updates = new ArrayList<>();
        a.onUpdate((update, origin, transaction) -> updates.add(update));
        a.transact(t -> {
            for (int i = 0; i < 1_000; i++) {
                a.getArray("a").delete(i, 1);
            }
        });
        assertEquals(1, updates.size());
        List<byte[]> parts = UpdateChunker.split(updates.get(0), 1_024);
        assertTrue(parts.size() > 1, "a delete set of 1000 ranges does not fit 1 KiB");
        for (byte[] part : parts) {
            assertTrue(part.length <= 1_024, "part of " + part.length + " bytes");
            b.applyUpdate(part);
        }
        assertEquals(content(a), content(b));
        assertTrue(before.length > 0);
    }

    @Test
    void randomDocumentsSurviveSplittingAtAnyLimit() throws Exception {
        Random random = new Random(11);
        for (int round = 0; round < 30; round++) {
            Doc a = doc(1 + round);
            RandomEdits.openRoots(a);
            for (int i = 0; i < 60; i++) {
                a.transact(t -> RandomEdits.editOnce(random, a));
            }
            int limit = 128 + random.nextInt(2_000);
            Doc b = doc(1_000 + round);
            for (byte[] part : UpdateChunker.split(a.encodeStateAsUpdate(), limit)) {
                b.applyUpdate(part);
            }
            assertEquals(content(a), content(b), "round " + round + " limit " + limit);
        }
    }
}
