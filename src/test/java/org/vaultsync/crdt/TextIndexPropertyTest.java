package org.vaultsync.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.types.YText;
import org.vaultsync.crdt.update.InvalidUpdateException;

/**
 * Text indices stay right while the search markers are created, shifted, merged away and dropped: random inserts
 * and deletes spread over a long text on one replica, interleaved with a second replica's edits arriving as updates,
 * checked against a plain {@link StringBuilder}; the second replica ends with the same text.
 */
class TextIndexPropertyTest {
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();
    private static final String[] PIECES = {"a", "bc", "😀", "def", "\n", "é"};

    @Property(tries = 60)
    void indicesMatchAPlainString(@ForAll long seed) throws InvalidUpdateException {
        Random random = new Random(seed);
        Doc doc = new Doc(RANDOM);
        Doc other = new Doc(RANDOM);
        YText text = doc.getText("t");
        StringBuilder model = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            model.append((char) ('a' + i % 26));
        }
        text.insert(0, model.toString());
        for (int step = 0; step < 400; step++) {
            int choice = random.nextInt(10);
            if (choice < 5) {
                int index = boundary(model, random.nextInt(model.length() + 1));
                String piece = PIECES[random.nextInt(PIECES.length)];
                text.insert(index, piece);
                model.insert(index, piece);
            } else if (choice < 9 && model.length() > 0) {
                int index = boundary(model, random.nextInt(model.length()));
                int end = boundary(model, Math.min(model.length(), index + 1 + random.nextInt(4)));
                if (end > index) {
                    text.delete(index, end - index);
                    model.delete(index, end);
                }
            } else {
                other.applyUpdate(doc.encodeStateAsUpdate(other.encodeStateVector()));
                YText remote = other.getText("t");
                String current = remote.toString();
                remote.insert(boundary(current, random.nextInt(current.length() + 1)), "R");
                doc.applyUpdate(other.encodeStateAsUpdate(doc.encodeStateVector()));
                model.setLength(0);
                model.append(text.toString());
            }
            assertEquals(model.length(), text.length(), "length at step " + step);
        }
        assertEquals(model.toString(), text.toString());
        other.applyUpdate(doc.encodeStateAsUpdate(other.encodeStateVector()));
        assertEquals(model.toString(), other.getText("t").toString());
    }

    private static int boundary(CharSequence text, int index) {
        if (index > 0 && index < text.length() && Character.isHighSurrogate(text.charAt(index - 1))
                && Character.isLowSurrogate(text.charAt(index))) {
            return index - 1;
        }
        return index;
    }
}
