package org.vaultsync.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Hex;

/** Long texts: strings today, and a Y.Text written by another client already reads as its text. */
class TextFieldCodecTest {
    /** Real Yjs 13.6.33: map "m" with key "txt" = new Y.Text("abc") (conformance vector 11, first update). */
    private static final String MAP_WITH_YTEXT =
            "010401002701016d046c6973740008000100027d017d022701016d0374787402040001030361626300";

    @Test
    void aYTextFromAnotherClientReadsAsItsText() throws Exception {
        Doc doc = new Doc(new Random(1)::nextBytes);
        doc.applyUpdate(Hex.parse(MAP_WITH_YTEXT));
        Object raw = doc.getMap("m").get("txt");
        assertEquals("abc", TextFieldCodec.read(raw));
        assertEquals("abc", ItemLayout.localValue(ItemSchema.field(ItemType.UNIT, "notes"), raw));
        assertNull(TextFieldCodec.read(doc.getMap("m").get("list")), "an array is not text");
        assertNull(TextFieldCodec.read(5.0));
        assertEquals("plain", TextFieldCodec.read("plain"));
    }
}
