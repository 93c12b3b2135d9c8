package org.vaultsync.crdt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.update.InvalidUpdateException;

/**
 * Array indices stay right while the position cache is used and invalidated: random inserts, deletes and reads on
 * one replica, interleaved with a second replica's edits arriving as updates, checked against a plain list.
 */
class ListIndexPropertyTest {
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();

    @Property(tries = 300)
    void indicesMatchAPlainList(@ForAll long seed) throws InvalidUpdateException {
        Random random = new Random(seed);
        Doc doc = new Doc(RANDOM);
        Doc other = new Doc(RANDOM);
        YArray array = doc.getArray("a");
        List<Object> model = new ArrayList<>();
        for (int step = 0; step < 200; step++) {
            int choice = random.nextInt(10);
            if (choice < 4) {
                int index = random.nextInt(model.size() + 1);
                List<Object> values = List.of((double) step, "s" + step);
                array.insert(index, values);
                model.addAll(index, values);
            } else if (choice < 6 && !model.isEmpty()) {
                int index = random.nextInt(model.size());
                int count = 1 + random.nextInt(Math.min(3, model.size() - index));
                array.delete(index, count);
                model.subList(index, index + count).clear();
            } else if (choice < 9 && !model.isEmpty()) {
                int index = random.nextInt(model.size());
                assertEquals(model.get(index), array.get(index), "get(" + index + ") at step " + step);
            } else {
                // a remote edit: the other replica catches up, edits, and its update comes back
                other.applyUpdate(doc.encodeStateAsUpdate(other.encodeStateVector()));
                YArray remote = other.getArray("a");
                int index = random.nextInt(remote.length() + 1);
                remote.insert(index, "r" + step);
                doc.applyUpdate(other.encodeStateAsUpdate(doc.encodeStateVector()));
                model.clear();
                model.addAll(array.toArray());
            }
            assertEquals(model.size(), array.length());
        }
        assertEquals(model, array.toArray());
    }
}
