package org.vaultsync.browser.substitutes.crdt.structs;

import org.teavm.jso.JSBody;
import org.vaultsync.crdt.structs.Struct;

/**
 * Browser build of {@code org.vaultsync.crdt.structs.StructArrays} (TeaVM substitutes this class for it, see
 * {@link org.vaultsync.browser.BrowserSubstitutions}). After TeaVM a {@code Struct[]} is an object whose
 * {@code data} is a JavaScript array; here that array is always exactly as long as the list, so that
 * {@code splice} (one memory move, where TeaVM's {@code System.arraycopy} copies object arrays one element at a
 * time) moves only the structs after the index, and V8 manages the room at its end as for any array. Same
 * methods, same results.
 */
final class StructArrays {
    private StructArrays() {
    }

    static Struct[] insert(Struct[] items, int size, int index, Struct struct) {
        if (index == size) {
            push(items, struct); // every integrated struct is appended: splice would return a new array each time
        } else {
            insertNative(items, index, struct);
        }
        // The same value again, for TeaVM's sake: it infers what a Struct[] can hold from the Java stores it sees,
        // and the JavaScript above is not one. Without this store it may conclude that a struct list holds only
        // what StructList.set and the decoder put there (no Item) and compile merging, deletion checks and calls
        // on its elements for the wrong classes; it did, once List.sort was no longer reachable (engine8).
        items[index] = struct;
        return items;
    }

    static void remove(Struct[] items, int size, int from, int to) {
        removeNative(items, from, to - from);
    }

    @JSBody(params = {"items", "struct"}, script = "items.data.push(struct);")
    private static native void push(Object items, Object struct);

    @JSBody(params = {"items", "index", "struct"}, script = "items.data.splice(index, 0, struct);")
    private static native void insertNative(Object items, int index, Object struct);

    @JSBody(params = {"items", "from", "count"}, script = "items.data.splice(from, count);")
    private static native void removeNative(Object items, int from, int count);
}
