package org.vaultsync.crdt.structs;

/**
 * Moves the tail of a {@link StructList}'s array, and decides its room: here the array grows by doubling and has
 * spare slots at its end. The browser build compiles
 * {@code org.vaultsync.browser.substitutes.crdt.structs.StructArrays} in its place (see
 * {@code BrowserSubstitutions}): the JavaScript array is kept exactly {@code size} long and moved by the engine's
 * native {@code Array.prototype.splice}.
 */
final class StructArrays {
    private StructArrays() {
    }

    /**
     * Puts {@code struct} at {@code index} of the {@code size} structs in {@code items}, moving the later ones one up;
     * returns the array that holds the {@code size + 1} structs (a larger one when {@code items} was full).
     */
    static Struct[] insert(Struct[] items, int size, int index, Struct struct) {
        Struct[] target = items;
        if (size == items.length) {
            target = new Struct[Math.max(8, size * 2)];
            System.arraycopy(items, 0, target, 0, index);
        }
        System.arraycopy(items, index, target, index + 1, size - index);
        target[index] = struct;
        return target;
    }

    /** Removes {@code items[from ... to - 1]} of the {@code size} structs, moving the later ones down. */
    static void remove(Struct[] items, int size, int from, int to) {
        System.arraycopy(items, to, items, from, size - to);
        for (int i = size - (to - from); i < size; i++) {
            items[i] = null;
        }
    }
}
