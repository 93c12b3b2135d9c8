package org.vaultsync.crdt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.update.InvalidUpdateException;

/**
 * Malformed text updates (a format value that is not JSON, a lone surrogate in UTF-8, a string length or an origin
 * past what exists) are refused with the typed exception; the receiving text, its observers and listeners see
 * nothing.
 */
class BadTextUpdateTest {
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();

    /** A valid update from another client: "abcd" inserted, then made bold. */
    private static byte[] validUpdate() {
        Doc author = new Doc(RANDOM);
        author.setClientId(5);
        author.getText("t").insert(0, "abcd");
        author.getText("t").format(0, 4, Map.of("bold", true));
        return author.encodeStateAsUpdate();
    }

    private static byte[] replaced(byte[] update, String from, byte[] to) {
        byte[] needle = from.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + needle.length <= update.length; i++) {
            boolean match = true;
            for (int j = 0; j < needle.length && match; j++) {
                match = update[i + j] == needle[j];
            }
            if (match) {
                byte[] copy = update.clone();
                System.arraycopy(to, 0, copy, i, to.length);
                return copy;
            }
        }
        throw new AssertionError(from + " not found in the update");
    }

    private static void assertRejectedWithoutChange(byte[] update) throws InvalidUpdateException {
        Doc doc = new Doc(RANDOM);
        doc.setClientId(9);
        doc.getText("t").insert(0, "mine", Map.of("italic", true));
        List<String> events = new ArrayList<>();
        doc.onUpdate((u, o, t) -> events.add("update"));
        doc.getText("t").observe(e -> events.add("text"));
        byte[] state = doc.encodeStateAsUpdate();
        String delta = Canonical.json(doc.getText("t").toDelta().stream().map(op -> op.toJSON()).toList());
        assertThrows(InvalidUpdateException.class, () -> doc.applyUpdate(update));
        assertArrayEquals(state, doc.encodeStateAsUpdate());
        assertEquals(delta, Canonical.json(doc.getText("t").toDelta().stream().map(op -> op.toJSON()).toList()));
        assertEquals(List.of(), events);
        doc.applyUpdate(validUpdate()); // and it still works
        assertEquals("abcdmine", doc.getText("t").toString());
    }

    @Test
    void aFormatValueThatIsNotJsonIsRefused() throws InvalidUpdateException {
        assertRejectedWithoutChange(replaced(validUpdate(), "true", "tru}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFormatKeyWithALoneSurrogateIsRefused() throws InvalidUpdateException {
        // "bold" -> "b" + CESU-8 high surrogate: not UTF-8, as a JavaScript TextDecoder in fatal mode would say
        assertRejectedWithoutChange(replaced(validUpdate(), "bold", new byte[] {'b', (byte) 0xED, (byte) 0xA0,
            (byte) 0xBD}));
    }

    @Test
    void textWithALoneSurrogateIsRefused() throws InvalidUpdateException {
        assertRejectedWithoutChange(replaced(validUpdate(), "bcd", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0xBD}));
    }

    @Test
    void aStringLongerThanTheUpdateIsRefused() throws InvalidUpdateException {
        assertRejectedWithoutChange(replaced(validUpdate(), "\u0004abcd", new byte[] {0x7f}));
    }

    @Test
    void anOriginInTheAuthorsOwnFutureIsRefused() throws InvalidUpdateException {
        // client 5, clock 0: "abc" inserted after (5, 9), which the update itself says does not exist yet
        assertRejectedWithoutChange(Hex.parse("01 01 05 00 84 05 09 03 61 62 63 00"));
    }

    @Test
    void everyTruncationOfAFormattedTextUpdateIsRefused() throws InvalidUpdateException {
        byte[] valid = validUpdate();
        for (int length = 0; length < valid.length; length++) {
            byte[] cut = new byte[length];
            System.arraycopy(valid, 0, cut, 0, length);
            assertRejectedWithoutChange(cut);
        }
    }
}
