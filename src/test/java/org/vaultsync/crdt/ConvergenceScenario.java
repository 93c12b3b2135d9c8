package org.vaultsync.crdt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.crdt.types.DeltaOp;
import org.vaultsync.crdt.update.InvalidUpdateException;

/**
 * One seeded convergence run: random map/array/text edits on several replicas, updates delivered in random order,
 * some twice, some only through full-state syncs; then everything to everyone. Afterwards every replica must
 * have the same JSON, state vector, no pending data, and the same bytes once reloaded (see
 * {@link ConvergencePropertyTest}). Plain Java (no JUnit) so it also runs compiled by TeaVM.
 */
public final class ConvergenceScenario {
    private ConvergenceScenario() {
    }

    public static void run(long seed, int docCount, boolean gc, RandomBytes randomBytes) throws InvalidUpdateException {
        Random random = new Random(seed);
        List<Doc> docs = new ArrayList<>();
        List<byte[]> allUpdates = new ArrayList<>();
        for (int i = 0; i < docCount; i++) {
            Doc doc = new Doc(randomBytes, gc);
            doc.setClientId(random.nextInt()); // the full unsigned range, half of them >= 2^31
            RandomEdits.openRoots(doc);
            doc.onUpdate((update, origin, transaction) -> {
                if (!"remote".equals(origin)) { // local edits, and the formatting clean-ups that follow remote ones
                    allUpdates.add(update);
                }
            });
            docs.add(doc);
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
        // everything to everyone, until no replica has anything new: remote changes to formatted text make the
        // receiver clean up redundant formatting, and that clean-up is a local change everyone must see too
        for (int delivered = -1, round = 0; delivered != allUpdates.size(); round++) {
            check(round < 10, "seed " + seed + ": formatting clean-ups keep producing updates");
            delivered = allUpdates.size();
            List<byte[]> snapshot = new ArrayList<>(allUpdates);
            for (Doc doc : docs) {
                List<byte[]> everything = new ArrayList<>(snapshot);
                everything.addAll(snapshot.subList(0, snapshot.size() / 2));
                Collections.shuffle(everything, random);
                for (byte[] update : everything) {
                    doc.applyUpdate(update, "remote");
                }
            }
        }
        String where = "seed " + seed + ", " + docCount + " docs, gc " + gc + ": ";
        byte[] referenceSv = docs.get(0).encodeStateVector();
        byte[] reference = reloaded(docs.get(0), gc, randomBytes);
        String referenceJson = json(docs.get(0));
        for (Doc doc : docs) {
            check(doc.pending().isEmpty(), where + "something left pending");
            check(referenceJson.equals(json(doc)), where + "JSON differs: " + referenceJson + " vs " + json(doc));
            check(Arrays.equals(referenceSv, doc.encodeStateVector()), where + "state vectors differ");
            byte[] bytes = reloaded(doc, gc, randomBytes);
            check(Arrays.equals(reference, bytes), where + "bytes differ: " + Hex.of(reference) + " vs " + Hex.of(bytes));
        }
    }

    /**
     * The document's state as a fresh replica re-encodes it. Live replicas can differ in how finely their garbage
     * is cut (Yjs merges adjacent GC structs only at certain points of a transaction, so the cut depends on the
     * delivery order; the differential test shows real Yjs doing exactly that): the same content and deletions,
     * more or fewer structs. Loading merges everything mergeable, which makes the encoding canonical.
     */
    private static byte[] reloaded(Doc doc, boolean gc, RandomBytes randomBytes) throws InvalidUpdateException {
        Doc fresh = new Doc(randomBytes, gc);
        fresh.applyUpdate(doc.encodeStateAsUpdate());
        return fresh.encodeStateAsUpdate();
    }

    public static String json(Doc doc) {
        List<Object> delta = new ArrayList<>();
        for (DeltaOp op : doc.getText("t").toDelta()) {
            delta.add(op.toJSON());
        }
        return Canonical.json(doc.getMap("m").toJSON()) + Canonical.json(doc.getArray("a").toJSON())
                + Canonical.json(doc.getText("t").toString()) + Canonical.json(delta);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
