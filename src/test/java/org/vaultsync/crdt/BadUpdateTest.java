package org.vaultsync.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.update.InvalidUpdateException;

/** Malformed input is rejected with one checked exception, and the document stays exactly as it was. */
class BadUpdateTest {
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();

    /** A document with some content and an observer / update listener that count events. */
    private static final class Watched {
        final Doc doc = new Doc(RANDOM);
        final List<String> events = new ArrayList<>();

        Watched() throws InvalidUpdateException {
            doc.setClientId(9);
            doc.getMap("m").set("k", "v");
            doc.getArray("a").push(1, 2, 3);
            doc.applyUpdate(Hex.parse("01 01 01 02 84 01 01 02 63 64 00")); // leaves something pending, too
            doc.onUpdate((u, o, t) -> events.add("update"));
            doc.getMap("m").observeDeep(e -> events.add("map"));
            doc.getArray("a").observe(e -> events.add("array"));
        }

        void assertRejectedWithoutChange(byte[] update) {
            byte[] state = doc.encodeStateAsUpdate();
            byte[] sv = doc.encodeStateVector();
            String json = ConvergenceScenario.json(doc);
            InvalidUpdateException e = assertThrows(InvalidUpdateException.class, () -> doc.applyUpdate(update));
            assertTrue(e.getMessage().startsWith("Invalid update: "), e.getMessage());
            assertArrayEquals(state, doc.encodeStateAsUpdate());
            assertArrayEquals(sv, doc.encodeStateVector());
            assertEquals(json, ConvergenceScenario.json(doc));
            assertEquals(List.of(), events);
        }
    }

    @Test
    void invalidUtf8InAStringIsRejectedBeforeAnythingIsIntegrated() throws InvalidUpdateException {
        // first client block is fine; the second carries a CESU-style surrogate
        new Watched().assertRejectedWithoutChange(Hex.parse(
                "02 01 02 00 28 01 01 6d 01 78 01 7d 01 01 01 00 04 01 01 61 03 ed a0 bd 00"));
    }

    @Test
    void everyTruncationOfAValidUpdateIsRejected() throws InvalidUpdateException {
        Doc source = new Doc(RANDOM);
        source.getMap("m").set("nested", List.of(1, "two", java.util.Map.of("x", 3.5)));
        source.getArray("a").insert(0, "é😀", new byte[] {1, 2});
        source.getArray("a").delete(0, 1);
        byte[] full = source.encodeStateAsUpdate();
        Watched watched = new Watched();
        for (int cut = 0; cut < full.length; cut++) {
            watched.assertRejectedWithoutChange(java.util.Arrays.copyOf(full, cut));
        }
    }

    @Test
    void lengthsClaimingGigabytesAreRejectedWithoutAllocating() {
        String[] hostile = {
            "ff ff ff ff 07",                                   // 2^31 - 1 client blocks
            "01 ff ff ff ff 07 01 00",                          // 2^31 - 1 structs
            "01 01 01 00 04 01 01 74 ff ff ff ff 07 61",          // a string of 2 GB
            "01 01 01 00 03 01 01 61 ff ff ff ff 07 00",          // a binary of 2 GB
            "01 01 01 00 08 01 01 61 ff ff ff ff 07 7e",          // 2^31 - 1 values
            "01 01 01 00 08 01 01 61 01 75 ff ff ff ff 07",       // an array value of 2^31 - 1 elements
            "00 ff ff ff ff 07",                                // 2^31 - 1 delete-set clients
            "00 01 01 ff ff ff ff 07 00 01",                    // 2^31 - 1 ranges
            "01 01 01 ff ff ff ff 07 00 05 00",                 // a struct passing clock 2^31 - 1
            "01 01 01 00 08 01 01 61 01 " + "75 01 ".repeat(5000) + "7e 00", // nesting 5000 deep
        };
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String update : hostile) {
                new Watched().assertRejectedWithoutChange(Hex.parse(update));
            }
        });
    }

    @Test
    void structuralNonsenseIsRejected() throws InvalidUpdateException {
        String[] nonsense = {
            "01 01 01 00 0b 00",                                // struct kind 11
            "01 01 01 00 07 01 01 61 09 00",                    // type reference 9
            "01 01 01 00 00 00 00",                             // zero-length GC struct
            "01 01 01 00 04 01 01 74 00 00",                    // zero-length string item
            "01 01 01 00 84 01 05 01 61 00",                    // origin in the item's own future
            "01 01 01 00 05 01 01 74 03 7b 78 7d 00",           // embed that is not JSON
            "01 01 01 00 08 01 01 61 01 70 00",                 // unknown any tag
        };
        for (String update : nonsense) {
            new Watched().assertRejectedWithoutChange(Hex.parse(update));
        }
    }

    @Test
    void aMalformedStateVectorIsRejected() {
        Doc doc = new Doc(RANDOM);
        assertThrows(InvalidUpdateException.class, () -> doc.encodeStateAsUpdate(Hex.parse("02 01")));
        assertThrows(InvalidUpdateException.class, () -> doc.encodeStateAsUpdate(Hex.parse("ff ff ff ff 07")));
    }

    @Test
    void reapplyingAnUpdateChangesNothingAndEmitsNothing() throws InvalidUpdateException {
        Watched watched = new Watched();
        Doc other = new Doc(RANDOM);
        other.getMap("m").set("x", 1);
        byte[] update = other.encodeStateAsUpdate();
        watched.doc.applyUpdate(update);
        watched.events.clear();
        byte[] state = watched.doc.encodeStateAsUpdate();
        watched.doc.applyUpdate(update);
        assertArrayEquals(state, watched.doc.encodeStateAsUpdate());
        assertEquals(List.of(), watched.events);
    }

    @Test
    void typesNestedThousandsDeepCannotExhaustTheStack() throws InvalidUpdateException {
        int levels = 20000;
        org.vaultsync.crdt.encoding.Lib0Writer w = new org.vaultsync.crdt.encoding.Lib0Writer();
        w.writeVarUint(1);
        w.writeVarUint(levels);
        w.writeVarUint(1);
        w.writeVarUint(0);
        for (int i = 0; i < levels; i++) {
            w.writeUint8(0x27); // ContentType with a key
            if (i == 0) {
                w.writeVarUint(1);
                w.writeVarString("m");
            } else {
                w.writeVarUint(0);
                w.writeVarUint(1);
                w.writeVarUint(i - 1);
            }
            w.writeVarString("k");
            w.writeVarUint(1); // YMap
        }
        w.writeVarUint(0);
        Doc doc = new Doc(RANDOM);
        doc.applyUpdate(w.toByteArray());
        assertEquals(levels, doc.store().state(1));
        assertTrue(Canonical.json(doc.getMap("m").toJSON()).length() > 4 * org.vaultsync.crdt.types.SharedType.MAX_NESTING);
        doc.applyUpdate(Hex.parse("00 01 01 01 00 01")); // delete the outermost map
        assertEquals("{}", Canonical.json(doc.getMap("m").toJSON()));
        Doc copy = new Doc(RANDOM);
        copy.applyUpdate(doc.encodeStateAsUpdate());
        assertArrayEquals(doc.encodeStateAsUpdate(), copy.encodeStateAsUpdate());
    }

    @Test
    void bytesAfterTheDeleteSetAreIgnoredAsYjsIgnoresThem() throws InvalidUpdateException {
        Doc doc = new Doc(RANDOM);
        doc.applyUpdate(Hex.parse("01 01 01 00 28 01 01 6d 01 6b 01 7d 01 00 ff ff"));
        assertEquals(1.0, doc.getMap("m").get("k"));
    }
}
