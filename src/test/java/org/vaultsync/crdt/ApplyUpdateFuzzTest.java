package org.vaultsync.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.conformance.VectorFiles;
import org.vaultsync.crdt.update.InvalidUpdateException;
import org.vaultsync.crdt.update.UpdateApplier;

/**
 * Bounded fuzzing of applyUpdate: valid updates (from the Yjs vectors and from random edits), mutated, applied to
 * a document that already holds some state. The only acceptable failure is {@link InvalidUpdateException}, and
 * after it the document must be exactly as before, with no event fired.
 */
class ApplyUpdateFuzzTest {
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();
    private static final List<byte[]> SEEDS = seeds();

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (String file : VectorFiles.scenarioFiles()) {
            Map<String, Object> scenario = VectorFiles.scenario(file);
            for (Object f : (List<?>) scenario.get("final")) {
                seeds.add(Hex.parse((String) ((Map<?, ?>) f).get("update")));
            }
            seeds.add(Hex.parse((String) scenario.get("mergedUpdate")));
        }
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            Doc doc = new Doc(RANDOM);
            RandomEdits.openRoots(doc);
            List<byte[]> updates = new ArrayList<>();
            doc.onUpdate((u, o, t) -> updates.add(u));
            for (int e = 0; e < 6; e++) {
                doc.transact(t -> RandomEdits.editOnce(random, doc));
            }
            seeds.addAll(updates);
            seeds.add(doc.encodeStateAsUpdate());
        }
        return seeds;
    }

    @Property(tries = 3000)
    void mutatedUpdatesAreAppliedOrRejectedWithoutChange(@ForAll long seed) throws InvalidUpdateException {
        Random random = new Random(seed);
        Doc doc = new Doc(RANDOM, random.nextBoolean());
        RandomEdits.openRoots(doc);
        doc.applyUpdate(SEEDS.get(random.nextInt(SEEDS.size())));
        byte[] mutated = mutate(random, SEEDS.get(random.nextInt(SEEDS.size())));
        byte[] stateBefore = doc.encodeStateAsUpdate();
        byte[] svBefore = doc.encodeStateVector();
        String jsonBefore = ConvergenceScenario.json(doc);
        int[] events = new int[1];
        doc.onUpdate((u, o, t) -> events[0]++);
        doc.getMap("m").observeDeep(e -> events[0]++);
        doc.getArray("a").observeDeep(e -> events[0]++);
        try {
            doc.applyUpdate(mutated);
        } catch (InvalidUpdateException rejected) {
            assertEquals(0, events[0], "no events for a rejected update");
            assertArrayEquals(stateBefore, doc.encodeStateAsUpdate());
            assertArrayEquals(svBefore, doc.encodeStateVector());
            assertEquals(jsonBefore, ConvergenceScenario.json(doc));
            return;
        }
        // accepted: the document must still be coherent and re-readable
        byte[] state = doc.encodeStateAsUpdate();
        Doc copy = new Doc(RANDOM, doc.gcEnabled());
        RandomEdits.openRoots(copy);
        copy.applyUpdate(state);
        assertTrue(copy.encodeStateVector().length > 0);
        ConvergenceScenario.json(doc);
    }

    private static byte[] mutate(Random random, byte[] original) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && bytes.length > 0; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(7)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes[at] = (byte) random.nextInt(256);
                case 2 -> bytes = java.util.Arrays.copyOf(bytes, at); // truncate
                case 3 -> bytes[at] = (byte) 0xFF;
                case 4 -> { // delete one byte
                    byte[] shorter = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                    bytes = shorter;
                }
                case 5 -> { // insert one byte
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                default -> bytes[at] = (byte) random.nextInt(4); // small numbers: plausible clocks and counts
            }
        }
        return bytes;
    }

    /**
     * A duplicate of a garbage-collected run next to an item waiting for its parent: the duplicate used to be
     * queued with its origin rewritten to itself, and the waiting item lost (see {@link PendingStructsTest}).
     */
    @net.jqwik.api.Example
    void wellFormedUpdatesOfSeedMinus28741() throws InvalidUpdateException {
        randomWellFormedUpdatesNeverBreakTheDocument(-28741L);
    }

    /**
     * Well-formed updates with random references: origins, right origins, parents and deletions pointing at
     * random (often unknown, garbage-collected or non-type) clocks of a few clients, applied in sequence. Exercises
     * integration, pending structs and pending deletions rather than the decoder.
     */
    @Property(tries = 2000)
    void randomWellFormedUpdatesNeverBreakTheDocument(@ForAll long seed) throws InvalidUpdateException {
        Random random = new Random(seed);
        Doc doc = new Doc(RANDOM, random.nextBoolean());
        RandomEdits.openRoots(doc);
        for (int u = 0; u < 6; u++) {
            try {
                doc.applyUpdate(randomUpdate(random));
            } catch (InvalidUpdateException rejected) {
                // only the decoder's own-client check may reject these; the document is verified below
            }
            ConvergenceScenario.json(doc);
            assertEquals(doc.getArray("a").toArray().size(), doc.getArray("a").length(), "list length bookkeeping");
            if (doc.pending().structs() != null) {
                UpdateApplier.decode(doc.pending().structs()); // what waits must read back as it was received
            }
        }
        // Like Yjs, the state encoding merges pending structs in; with hostile input those may shadow known
        // clocks, so only readability is required here, not equality of the copy.
        Doc copy = new Doc(RANDOM, doc.gcEnabled());
        copy.applyUpdate(doc.encodeStateAsUpdate());
        ConvergenceScenario.json(copy);
    }

    private static byte[] randomUpdate(Random random) {
        org.vaultsync.crdt.encoding.Lib0Writer w = new org.vaultsync.crdt.encoding.Lib0Writer();
        int clients = random.nextInt(3);
        w.writeVarUint(clients);
        for (int c = 0; c < clients; c++) {
            int structs = 1 + random.nextInt(3);
            int client = 1 + random.nextInt(3);
            int clock = random.nextInt(3) == 0 ? random.nextInt(6) : 0;
            w.writeVarUint(structs);
            w.writeVarUint(client);
            w.writeVarUint(clock);
            for (int s = 0; s < structs; s++) {
                int kind = random.nextInt(10);
                if (kind == 0) {
                    w.writeUint8(0);
                    w.writeVarUint(1 + random.nextInt(3));
                    continue;
                }
                if (kind == 1) {
                    w.writeUint8(10);
                    w.writeVarUint(1 + random.nextInt(3));
                    continue;
                }
                boolean origin = random.nextBoolean();
                boolean rightOrigin = random.nextInt(3) == 0;
                boolean sub = random.nextInt(3) == 0;
                int[] refs = {8, 4, 7, 1, 6};
                int ref = refs[random.nextInt(refs.length)];
                w.writeUint8(ref | (origin ? 0x80 : 0) | (rightOrigin ? 0x40 : 0) | (sub ? 0x20 : 0));
                if (origin) {
                    w.writeVarUint(1 + random.nextInt(3));
                    w.writeVarUint(random.nextInt(8));
                }
                if (rightOrigin) {
                    w.writeVarUint(1 + random.nextInt(3));
                    w.writeVarUint(random.nextInt(8));
                }
                if (!origin && !rightOrigin) {
                    if (random.nextBoolean()) {
                        w.writeVarUint(1);
                        w.writeVarString(random.nextBoolean() ? "m" : "a");
                    } else {
                        w.writeVarUint(0);
                        w.writeVarUint(1 + random.nextInt(3));
                        w.writeVarUint(random.nextInt(8));
                    }
                    if (sub) {
                        w.writeVarString(random.nextBoolean() ? "k" : "j");
                    }
                }
                int length = 1 + random.nextInt(3);
                switch (ref) {
                    case 8 -> {
                        w.writeVarUint(length);
                        for (int i = 0; i < length; i++) {
                            w.writeAny((double) i);
                        }
                    }
                    case 4 -> w.writeVarString("xyz".substring(0, length));
                    case 7 -> w.writeVarUint(random.nextInt(3));
                    case 1 -> w.writeVarUint(length);
                    default -> {
                        w.writeVarString("bold");
                        w.writeVarString("true");
                    }
                }
            }
        }
        int dsClients = random.nextInt(3);
        w.writeVarUint(dsClients);
        for (int c = 0; c < dsClients; c++) {
            w.writeVarUint(1 + random.nextInt(3));
            int ranges = random.nextInt(3);
            w.writeVarUint(ranges);
            for (int r = 0; r < ranges; r++) {
                w.writeVarUint(random.nextInt(10));
                w.writeVarUint(random.nextInt(4));
            }
        }
        return w.toByteArray();
    }
}
