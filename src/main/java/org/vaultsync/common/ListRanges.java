package org.vaultsync.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Copying and removing a range of a list without {@code List.subList}: in the browser build a sub-list is a class of
 * its own (with its iterator) that nothing else in the client needs, and these two loops are all it was used for.
 */
public final class ListRanges {
    private ListRanges() {
    }

    /** A new list with the elements {@code from} (inclusive) to {@code to} (exclusive). */
    public static <T> ArrayList<T> copy(List<? extends T> list, int from, int to) {
        ArrayList<T> copy = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            copy.add(list.get(i));
        }
        return copy;
    }

    /** Removes the elements {@code from} (inclusive) to {@code to} (exclusive), moving each later element once. */
    public static void remove(List<?> list, int from, int to) {
        shiftDown(list, from, to);
        for (int i = to - from; i > 0; i--) {
            list.remove(list.size() - 1);
        }
    }

    private static <T> void shiftDown(List<T> list, int from, int to) {
        int size = list.size();
        for (int i = to; i < size; i++) {
            list.set(from + i - to, list.get(i));
        }
    }
}
