package org.vaultsync.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.update.InvalidUpdateException;
import org.vaultsync.crdt.update.UpdateApplier;

/**
 * Structs that wait for missing ones are kept exactly as received, and stay readable, even when the input is
 * causally inconsistent (found by {@link ApplyUpdateFuzzTest}, seed -28741). Real Yjs 13.6.33 throws a TypeError on
 * the first input below and drops the first struct of the second; we keep everything and go on.
 */
class PendingStructsTest {
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();

    /** Client 2's clocks 0–2, garbage-collected by the peer that sent them. */
    private static final String COLLECTED_RUN = "01 01 02 00 00 03 00";

    /**
     * Client 2's clocks 0–2 again as items — (2,0) after (1,6), which we never saw; (2,1) in root "a"; (2,2) after
     * (2,1) — and client 1's (1,0), "d", inside (2,3), which does not exist yet.
     */
    private static final String DUPLICATES_AND_A_WAITING_ITEM = "02"
            + " 03 02 00  88 01 06 01 77 01 78  08 01 01 61 01 77 01 79  88 02 01 01 77 01 7a"
            + " 01 01 00  08 00 02 03 01 77 01 64"
            + " 00";

    /** (2,3): an array at m.k. */
    private static final String THE_MISSING_PARENT = "01 01 02 03 27 01 01 6d 01 6b 00 00";

    private static Doc doc() {
        Doc doc = new Doc(RANDOM);
        doc.getMap("m");
        doc.getArray("a");
        return doc;
    }

    @Test
    void duplicatesOfACollectedRunAreSkippedAndTheItemWaitingBesideThemIsKept() throws InvalidUpdateException {
        Doc doc = doc();
        doc.applyUpdate(Hex.parse(COLLECTED_RUN));
        doc.applyUpdate(Hex.parse(DUPLICATES_AND_A_WAITING_ITEM));

        // Before: the duplicate (2,2) was queued with its origin rewritten to the end of the collected run, (2,2)
        // itself, and the waiting data could not be read back (later: dropped, losing "d").
        assertEquals("{2=3}", doc.pending().missing().toString());
        assertEquals(Hex.of(Hex.parse("01 01 01 00 08 00 02 03 01 77 01 64 00")), Hex.of(doc.pending().structs()));
        UpdateApplier.decode(doc.encodeStateAsUpdate());

        doc.applyUpdate(Hex.parse(THE_MISSING_PARENT));
        assertNull(doc.pending().structs());
        assertEquals("{\"k\":[\"d\"]}", Canonical.json(doc.getMap("m").toJSON()));
        assertEquals("[]", Canonical.json(doc.getArray("a").toJSON()), "the duplicate (2,1) is not integrated again");
    }

    @Test
    void aDependencyCycleWaitsWholeFromTheFirstStructOfEachClient() throws InvalidUpdateException {
        // (2,0) "x" after (1,0); (2,1) "y" after (2,0); (1,0) "d" after (2,1): none can ever integrate. Resolving
        // (2,0) takes (1,0), which takes (2,1) from client 2's list too; Yjs then keeps (2,1) alone and loses (2,0).
        String cycle = "02  02 02 00  88 01 00 01 77 01 78  88 02 00 01 77 01 79  01 01 00  88 02 01 01 77 01 64  00";
        Doc doc = doc();
        doc.applyUpdate(Hex.parse(cycle));

        assertEquals(Hex.of(Hex.parse(cycle)), Hex.of(doc.pending().structs()));
        assertEquals("00", Hex.of(doc.encodeStateVector()));
        assertEquals(Hex.of(Hex.parse(cycle)), Hex.of(doc.encodeStateAsUpdate()));
    }
}
