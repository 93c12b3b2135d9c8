package org.vaultsync.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.types.DeltaOp;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.crdt.types.YText;
import org.vaultsync.crdt.update.InvalidUpdateException;

/** The YText editing API: UTF-16 indices, formatting, deltas, observers, nesting, and refused misuse. */
class YTextTest {
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();

    private static Doc doc(int clientId) {
        Doc doc = new Doc(RANDOM);
        doc.setClientId(clientId);
        return doc;
    }

    private static Map<String, Object> attrs(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String json(List<DeltaOp> delta) {
        List<Object> ops = new ArrayList<>();
        for (DeltaOp op : delta) {
            ops.add(op.toJSON());
        }
        return Canonical.json(ops);
    }

    @Test
    void insertAndDeleteCountUtf16Units() {
        YText text = doc(1).getText("t");
        text.insert(0, "😀é");
        assertEquals(3, text.length());
        text.insert(2, "X");
        assertEquals("😀Xé", text.toString());
        text.delete(0, 2);
        assertEquals("Xé", text.toString());
        assertEquals(2, text.length());
    }

    @Test
    void anEditThatWouldSplitASurrogatePairIsRefusedAndChangesNothing() {
        Doc doc = doc(1);
        YText text = doc.getText("t");
        text.insert(0, "a😀b");
        byte[] before = doc.encodeStateAsUpdate();
        List<byte[]> updates = new ArrayList<>();
        doc.onUpdate((u, o, t) -> updates.add(u));
        assertThrows(IllegalArgumentException.class, () -> text.insert(2, "x"));
        assertThrows(IllegalArgumentException.class, () -> text.delete(0, 2));
        assertThrows(IllegalArgumentException.class, () -> text.delete(2, 2));
        assertThrows(IllegalArgumentException.class, () -> text.format(2, 1, attrs("bold", true)));
        assertThrows(IllegalArgumentException.class, () -> text.insert(0, "lone \uD83D"));
        assertThrows(IndexOutOfBoundsException.class, () -> text.insert(5, "x"));
        assertThrows(IndexOutOfBoundsException.class, () -> text.delete(3, 2));
        assertArrayEquals(before, doc.encodeStateAsUpdate());
        assertEquals(List.of(), updates);
        text.delete(1, 2);
        assertEquals("ab", text.toString());
    }

    @Test
    void formattingShowsInTheDeltaAndNullRemovesIt() {
        YText text = doc(1).getText("t");
        text.insert(0, "hello world");
        text.format(0, 5, attrs("bold", true));
        text.format(3, 5, attrs("italic", true));
        text.format(0, 2, attrs("bold", null));
        assertEquals("[{\"insert\":\"he\"},{\"attributes\":{\"bold\":true},\"insert\":\"l\"},"
                + "{\"attributes\":{\"bold\":true,\"italic\":true},\"insert\":\"lo\"},"
                + "{\"attributes\":{\"italic\":true},\"insert\":\" wo\"},{\"insert\":\"rld\"}]", json(text.toDelta()));
        assertEquals("hello world", text.toString());
    }

    @Test
    void insertWithoutAttributesTakesTheFormattingAroundIt() {
        YText text = doc(1).getText("t");
        text.insert(0, "ab", attrs("bold", true));
        text.insert(1, "X");
        text.insert(3, "c", attrs());
        assertEquals("[{\"attributes\":{\"bold\":true},\"insert\":\"aXb\"},{\"insert\":\"c\"}]", json(text.toDelta()));
    }

    @Test
    void observersSeeADeltaWithAttributes() {
        Doc doc = doc(1);
        YText text = doc.getText("t");
        text.insert(0, "abc");
        List<String> deltas = new ArrayList<>();
        text.observe(event -> deltas.add(json(event.delta())));
        doc.transact(t -> {
            text.insert(1, "X", attrs("bold", true));
            text.delete(3, 1);
        });
        text.format(0, 1, attrs("italic", true));
        assertEquals(List.of(
                "[{\"retain\":1},{\"attributes\":{\"bold\":true},\"insert\":\"X\"},{\"retain\":1},{\"delete\":1}]",
                "[{\"attributes\":{\"italic\":true},\"retain\":1}]"), deltas);
    }

    @Test
    void aTextInsideAMapIsEditedBeforeAndAfterInsertionAndReachesAPeer() throws InvalidUpdateException {
        Doc doc = doc(1);
        Doc peer = doc(2);
        doc.onUpdate((u, o, t) -> {
            try {
                peer.applyUpdate(u);
            } catch (InvalidUpdateException e) {
                throw new AssertionError(e);
            }
        });
        YText notes = new YText("Atlas");
        notes.insert(5, " AS7-D");
        assertEquals("Atlas AS7-D", notes.toString());
        YMap unit = doc.getMap("unit");
        unit.set("notes", notes);
        notes.insert(0, "The ");
        YText seen = (YText) peer.getMap("unit").get("notes");
        assertEquals("The Atlas AS7-D", seen.toString());
        seen.delete(0, 4);
        doc.applyUpdate(peer.encodeStateAsUpdate(doc.encodeStateVector()));
        assertEquals("Atlas AS7-D", notes.toString());
    }

    @Test
    void textsNestInArraysAndEmbedsCountOne() {
        Doc doc = doc(1);
        YArray list = doc.getArray("a");
        YText text = new YText();
        list.push(text);
        text.insert(0, "ab");
        text.insertEmbed(1, attrs("image", "x.png"));
        assertEquals(3, text.length());
        assertEquals("ab", text.toString());
        assertEquals("[{\"insert\":\"a\"},{\"insert\":{\"image\":\"x.png\"}},{\"insert\":\"b\"}]", json(text.toDelta()));
        assertEquals(List.of("ab"), list.toJSON());
    }

    @Test
    void applyDeltaRebuildsTheSameText() {
        YText source = doc(1).getText("t");
        source.insert(0, "one two three");
        source.format(4, 3, attrs("bold", true, "link", "x"));
        source.insertEmbed(0, attrs("image", "i"), attrs("0", 1));
        YText copy = doc(2).getText("t");
        copy.applyDelta(source.toDelta());
        assertEquals(json(source.toDelta()), json(copy.toDelta()));
        copy.applyDelta(List.of(DeltaOp.retain(1), DeltaOp.delete(4), DeltaOp.retain(3, attrs("bold", null))));
        assertEquals("[{\"attributes\":{\"0\":1},\"insert\":{\"image\":\"i\"}},{\"attributes\":{\"link\":\"x\"},"
                + "\"insert\":\"two\"},{\"insert\":\" three\"}]", json(copy.toDelta()));
    }

    /** Expected values from real Yjs 13.6.33 running the same steps (the end marker of the first bold wins). */
    @Test
    void concurrentOverlappingFormattingEndsAsInYjs() throws InvalidUpdateException {
        Doc a = doc(1);
        Doc b = doc(2);
        a.getText("t").insert(0, "abcdef");
        b.applyUpdate(a.encodeStateAsUpdate());
        a.getText("t").format(0, 4, attrs("bold", true));
        b.getText("t").format(2, 4, attrs("bold", true));
        for (int round = 0; round < 3; round++) {
            b.applyUpdate(a.encodeStateAsUpdate(b.encodeStateVector()));
            a.applyUpdate(b.encodeStateAsUpdate(a.encodeStateVector()));
        }
        String expected = "[{\"attributes\":{\"bold\":true},\"insert\":\"ab\"},"
                + "{\"attributes\":{\"bold\":true},\"insert\":\"cd\"},{\"insert\":\"ef\"}]";
        assertEquals(expected, json(a.getText("t").toDelta()));
        assertEquals(expected, json(b.getText("t").toDelta()));
        String yjs = "02020200c60101010204626f6c64047472756586010504626f6c64046e756c6c0501000401017402616284010102"
                + "636484010302656646010004626f6c640474727565c60103010404626f6c64046e756c6c00";
        assertEquals(yjs, Hex.of(a.encodeStateAsUpdate()));
        assertEquals(yjs, Hex.of(b.encodeStateAsUpdate()));
    }

    /** Quill's documents end with a newline: a retain past the end appends newlines (bytes from real Yjs 13.6.33). */
    @Test
    void aRetainPastTheEndAppendsFormattedNewlinesAsInYjs() {
        Doc doc = doc(7);
        YText text = doc.getText("t");
        text.insert(0, "ab");
        text.applyDelta(List.of(DeltaOp.retain(1), DeltaOp.retain(3, attrs("align", "center"))));
        assertEquals("[{\"insert\":\"a\"},{\"attributes\":{\"align\":\"center\"},\"insert\":\"b\\n\\n\"}]",
                json(text.toDelta()));
        assertEquals("010507000401017401618407000162c60700070105616c69676e082263656e74657222840701020a0a86070405616c6967"
                + "6e046e756c6c00", Hex.of(doc.encodeStateAsUpdate()));
    }
}
