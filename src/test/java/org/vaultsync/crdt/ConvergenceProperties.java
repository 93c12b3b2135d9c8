package org.vaultsync.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.update.InvalidUpdateException;

/**
 * Replicas that see the same updates converge, whatever the order: random map/array edits on 2-5 documents, with
 * updates delivered in random order, some delivered twice, some only as full-state syncs.
 */
class ConvergenceProperties {
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();

    @Property(tries = 400)
    void replicasConvergeToIdenticalJsonAndBytes(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int docCount,
            @ForAll boolean gc) throws InvalidUpdateException {
        Random random = new Random(seed);
        List<Doc> docs = new ArrayList<>();
        List<List<byte[]>> inbox = new ArrayList<>();
        List<byte[]> allUpdates = new ArrayList<>();
        for (int i = 0; i < docCount; i++) {
            Doc doc = new Doc(RANDOM, gc);
            doc.setClientId(random.nextInt()); // the full unsigned range, half of them >= 2^31
            RandomEdits.openRoots(doc);
            doc.onUpdate((update, origin, transaction) -> {
                if ("local".equals(origin)) {
                    allUpdates.add(update);
                }
            });
            docs.add(doc);
            inbox.add(new ArrayList<>());
        }
        int rounds = 3 + random.nextInt(10);
        for (int round = 0; round < rounds; round++) {
            Doc doc = docs.get(random.nextInt(docCount));
            int edits = 1 + random.nextInt(4);
            doc.transact(t -> {
                for (int e = 0; e < edits; e++) {
                    RandomEdits.editOnce(random, doc);
                }
            }, "local");
            // deliver a random selection of the updates so far, in random order, some twice
            Doc receiver = docs.get(random.nextInt(docCount));
            List<byte[]> batch = new ArrayList<>();
            for (byte[] update : allUpdates) {
                if (random.nextInt(3) == 0) {
                    batch.add(update);
                    if (random.nextInt(4) == 0) {
                        batch.add(update);
                    }
                }
            }
            Collections.shuffle(batch, random);
            for (byte[] update : batch) {
                receiver.applyUpdate(update, "remote");
            }
            if (random.nextInt(5) == 0) {
                Doc other = docs.get(random.nextInt(docCount));
                receiver.applyUpdate(other.encodeStateAsUpdate(receiver.encodeStateVector()), "remote");
            }
        }
        for (Doc doc : docs) {
            List<byte[]> everything = new ArrayList<>(allUpdates);
            everything.addAll(allUpdates.subList(0, allUpdates.size() / 2));
            Collections.shuffle(everything, random);
            for (byte[] update : everything) {
                doc.applyUpdate(update, "remote");
            }
        }
        byte[] referenceSv = docs.get(0).encodeStateVector();
        byte[] reference = reloaded(docs.get(0), gc);
        String referenceJson = json(docs.get(0));
        for (Doc doc : docs) {
            assertTrue(doc.pending().isEmpty(), "nothing left pending");
            assertEquals(referenceJson, json(doc));
            assertArrayEquals(referenceSv, doc.encodeStateVector());
            byte[] bytes = reloaded(doc, gc);
            assertArrayEquals(reference, bytes, () -> Hex.of(reference) + " vs " + Hex.of(bytes));
        }
    }

    /**
     * The document's state as a fresh replica re-encodes it. Live replicas can differ in how finely their garbage
     * is cut (Yjs merges adjacent GC structs only at certain points of a transaction, so the cut depends on the
     * delivery order; the differential test shows real Yjs doing exactly that): the same content and deletions,
     * more or fewer structs. Loading merges everything mergeable, which makes the encoding canonical.
     */
    private static byte[] reloaded(Doc doc, boolean gc) throws InvalidUpdateException {
        Doc fresh = new Doc(RANDOM, gc);
        fresh.applyUpdate(doc.encodeStateAsUpdate());
        return fresh.encodeStateAsUpdate();
    }

    static String json(Doc doc) {
        return Canonical.json(doc.getMap("m").toJSON()) + Canonical.json(doc.getArray("a").toJSON());
    }
}
