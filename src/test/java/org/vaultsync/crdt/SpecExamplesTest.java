package org.vaultsync.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.crdt.update.InvalidUpdateException;
import org.vaultsync.crdt.update.UpdateMerger;

/** Hex examples of yjs-format.md (all produced by real Yjs) that the conformance vectors do not cover. */
class SpecExamplesTest {
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();

    private static Doc docWith(String... updates) throws InvalidUpdateException {
        Doc doc = new Doc(RANDOM);
        for (String update : updates) {
            doc.applyUpdate(Hex.parse(update));
        }
        return doc;
    }

    private static String state(Doc doc) {
        return Hex.of(doc.encodeStateAsUpdate());
    }

    private static String sv(String... entries) {
        StateVector sv = new StateVector();
        for (int i = 0; i < entries.length; i += 2) {
            sv.set(Integer.parseInt(entries[i]), Integer.parseInt(entries[i + 1]));
        }
        return Hex.of(sv.encode());
    }

    @Test
    void everyContentAndTypeKindSurvivesARoundTrip() throws InvalidUpdateException {
        String[] updates = {
            // one of each type in a root array (§2.6)
            "01 07 05 00 07 01 01 61 00 87 05 00 01 87 05 01 02 87 05 02 03 03 64 69 76 87 05 03 04 87 05 04 05 02 68 6b 87 05 05 06 00",
            // legacy ContentJSON with an undefined element (§2.5)
            "01 01 01 00 02 01 01 61 02 07 7b 22 78 22 3a 31 7d 09 75 6e 64 65 66 69 6e 65 64 00",
            // rich text with formats and an embed (E12)
            "01 05 01 00 04 01 01 74 01 61 84 01 00 01 62 46 01 00 04 62 6f 6c 64 04 74 72 75 65 c6 01 00 01 01 04 62 6f 6c 64 04 6e 75 6c 6c 85 01 01 11 7b 22 69 6d 61 67 65 22 3a 22 78 2e 70 6e 67 22 7d 00",
            // sub-document with options (E14)
            "01 01 04 00 29 01 01 6d 02 73 64 02 67 31 76 00 00",
            // map values: Date as {}, undefined, BigInt (§4.1)
            "01 03 01 00 28 01 01 6d 01 64 01 76 00 28 01 01 6d 01 75 01 7f 28 01 01 6d 01 62 01 7a 00 00 00 00 00 00 00 05 00",
            // two clients' deletions (E10) on top of nothing: kept pending and re-encoded
            "00 02 02 01 00 01 01 01 01 02",
        };
        for (String update : updates) {
            assertEquals(Hex.of(Hex.parse(update)), state(docWith(update)));
        }
    }

    @Test
    void legacyJsonContentReadsUndefinedLiterally() throws InvalidUpdateException {
        Doc doc = docWith("01 01 01 00 02 01 01 61 02 07 7b 22 78 22 3a 31 7d 09 75 6e 64 65 66 69 6e 65 64 00");
        List<Object> values = doc.getArray("a").toArray();
        assertEquals("{\"x\":1}", Canonical.json(values.get(0)));
        assertEquals(Undefined.VALUE, values.get(1));
    }

    @Test
    void subDocumentOptionsAreNormalisedLikeYjs() throws InvalidUpdateException {
        String update = "01 01 04 00 29 01 01 6d 02 73 64 02 67 32 76 03 02 67 63 79 08 61 75 74 6f 4c 6f 61 64 78 04 6d 65 74 61 76 01 01 61 7d 01 00";
        assertEquals(Hex.of(Hex.parse(update)), state(docWith(update)));
    }

    @Test
    void splittingInsideASurrogatePairReplacesBothHalves() throws InvalidUpdateException {
        // "a😀b" by client 1, then "X" inserted at UTF-16 index 2 (between the surrogates), as Yjs encodes it
        Doc doc = docWith("01 01 01 00 04 01 01 74 06 61 f0 9f 98 80 62 00",
                "01 01 01 04 c4 01 01 01 02 01 58 00");
        assertEquals(Hex.of(Hex.parse("01 03 01 00 04 01 01 74 04 61 ef bf bd 84 01 01 04 ef bf bd 62 c4 01 01 01 02 01 58 00")),
                state(doc));
        assertEquals("a\uFFFDX\uFFFDb", doc.getText("t").toJSON());
    }

    @Test
    void stateAgainstATargetVectorStartsMidItem() throws InvalidUpdateException {
        Doc doc = docWith("01 01 01 00 04 01 01 74 0b 68 65 6c 6c 6f 20 77 6f 72 6c 64 00");
        assertEquals("0101010284010109" + "6c6c6f20776f726c6400", Hex.of(doc.encodeStateAsUpdate(Hex.parse(sv("1", "2")))));
        assertEquals("0101010784010604" + "6f726c6400", Hex.of(doc.encodeStateAsUpdate(Hex.parse(sv("1", "7")))));
        assertEquals("0000", Hex.of(doc.encodeStateAsUpdate(Hex.parse(sv("1", "20")))));
        assertEquals(Hex.of(Hex.parse("01 01 01 00 04 01 01 74 0b 68 65 6c 6c 6f 20 77 6f 72 6c 64 00")),
                Hex.of(doc.encodeStateAsUpdate(Hex.parse(sv("9", "3")))));
    }

    @Test
    void slicingInsideASurrogatePairWritesAReplacementCharacter() throws InvalidUpdateException {
        Doc doc = docWith("01 01 01 00 04 01 01 74 06 61 f0 9f 98 80 62 00");
        assertEquals(Hex.of(Hex.parse("01 01 01 02 84 01 01 04 ef bf bd 62 00")),
                Hex.of(doc.encodeStateAsUpdate(Hex.parse(sv("1", "2")))));
    }

    @Test
    void pendingStructsAndDeletionsAreKeptAndEncoded() throws InvalidUpdateException {
        String u0 = "01 01 01 00 04 01 01 74 02 61 62 00";
        String u1 = "01 01 01 02 84 01 01 02 63 64 00";
        Doc doc = docWith(u1);
        assertEquals("00", Hex.of(doc.encodeStateVector()));
        assertEquals(Hex.of(Hex.parse(u1)), state(doc));
        assertEquals("{1=1}", doc.pending().missing().toString());
        doc.applyUpdate(Hex.parse("00 01 01 01 00 01"));
        assertEquals(Hex.of(Hex.parse("01 01 01 02 84 01 01 02 63 64 01 01 01 00 01")), state(doc));
        doc.applyUpdate(Hex.parse(u0));
        assertEquals("010104", Hex.of(doc.encodeStateVector()));
        assertNull(doc.pending().structs());
        assertNull(doc.pending().deleteSet());
        assertEquals("bcd", doc.getText("t").toJSON());
    }

    @Test
    void aDeletionReachingPastTheKnownStateKeepsTheRestPending() throws InvalidUpdateException {
        Doc doc = docWith("01 01 05 00 04 01 01 74 02 61 62 00", "00 01 05 01 00 0a");
        assertEquals("", doc.getText("t").toJSON());
        assertEquals(Hex.of(Hex.parse("00 01 05 01 02 08")), Hex.of(doc.pending().deleteSet()));
    }

    @Test
    void mergeAndDiffMatchYjs() throws DecodingException {
        byte[] u0 = Hex.parse("01 01 01 00 04 01 01 74 02 61 62 00");
        byte[] u1 = Hex.parse("01 01 01 02 84 01 01 02 63 64 00");
        byte[] u2 = Hex.parse("01 01 01 04 84 01 03 02 65 66 00");
        byte[] u3 = Hex.parse("00 01 01 01 00 01");
        byte[] q = Hex.parse("01 01 02 00 04 01 01 74 01 51 00");
        assertEquals(compact("01 02 01 00 04 01 01 74 02 61 62 84 01 01 02 63 64 00"), Hex.of(UpdateMerger.merge(List.of(u1, u0))));
        assertEquals(compact("01 03 01 00 04 01 01 74 02 61 62 0a 02 84 01 03 02 65 66 00"), Hex.of(UpdateMerger.merge(List.of(u0, u2))));
        assertEquals(compact("01 01 01 00 04 01 01 74 02 61 62 00"), Hex.of(UpdateMerger.merge(List.of(u0, u0))));
        byte[] all = UpdateMerger.merge(List.of(u0, u1, u2, u3));
        assertEquals(compact("01 03 01 00 04 01 01 74 02 61 62 84 01 01 02 63 64 84 01 03 02 65 66 01 01 01 00 01"), Hex.of(all));
        assertEquals(compact("02 01 02 00 04 01 01 74 01 51 01 01 00 04 01 01 74 02 61 62 00"), Hex.of(UpdateMerger.merge(List.of(u0, q))));
        StateVector sv3 = new StateVector();
        sv3.set(1, 3);
        assertEquals(compact("01 02 01 03 84 01 02 01 64 84 01 03 02 65 66 01 01 01 00 01"), Hex.of(UpdateMerger.diff(all, sv3)));
        StateVector sv1 = new StateVector();
        sv1.set(1, 1);
        assertEquals(compact("01 03 01 01 84 01 00 01 62 0a 02 84 01 03 02 65 66 00"),
                Hex.of(UpdateMerger.diff(UpdateMerger.merge(List.of(u0, u2)), sv1)));
    }

    @Test
    void anUpdateWithASkipAppliesUpToTheGap() throws InvalidUpdateException {
        Doc doc = docWith("01 03 01 00 04 01 01 74 02 61 62 0a 02 84 01 03 02 65 66 00");
        assertEquals("ab", doc.getText("t").toJSON());
        assertEquals("{1=3}", doc.pending().missing().toString());
        assertEquals(compact("01 03 01 00 04 01 01 74 02 61 62 0a 02 84 01 03 02 65 66 00"), state(doc));
    }

    @Test
    void mapItemsLoseTheParentSubBitOnlyInUtilityOutput() throws DecodingException, InvalidUpdateException {
        byte[] first = Hex.parse("01 01 01 00 28 01 01 6d 01 6b 01 7d 01 00");
        byte[] second = Hex.parse("01 01 01 01 a8 01 00 01 7d 02 01 01 01 00 01");
        assertEquals(compact("01 02 01 00 28 01 01 6d 01 6b 01 7d 01 88 01 00 01 7d 02 01 01 01 00 01"),
                Hex.of(UpdateMerger.merge(List.of(first, second))));
        assertEquals(compact("01 01 01 01 88 01 00 01 7d 02 01 01 01 00 01"), Hex.of(UpdateMerger.diff(second, new StateVector())));
        Doc doc = docWith("01 01 01 00 28 01 01 6d 01 6b 01 7d 01 00", "01 01 01 01 a8 01 00 01 7d 02 01 01 01 00 01");
        assertEquals(compact("01 02 01 00 21 01 01 6d 01 6b 01 a8 01 00 01 7d 02 01 01 01 00 01"), state(doc));
    }

    @Test
    void itemsArrivingForACollectedTypeBecomeGarbage() throws InvalidUpdateException {
        // §4.3: a nested array with one element, deleted and collected; then client 2's two elements for it
        Doc doc = docWith("01 02 01 00 21 01 01 6d 01 61 01 00 01 01 01 01 00 02", "01 01 02 00 08 00 01 00 02 7d 01 7d 02 00");
        assertEquals(compact("02 01 02 00 00 02 02 01 00 21 01 01 6d 01 61 01 00 01 02 02 01 00 02 01 01 00 02"), state(doc));
    }

    private static String compact(String hex) {
        return hex.replace(" ", "");
    }
}
