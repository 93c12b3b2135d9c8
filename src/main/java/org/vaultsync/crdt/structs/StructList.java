package org.vaultsync.crdt.structs;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The structs of one client in the store, sorted by clock: an array list whose inserts and range removals in the
 * middle (splits and merges, several per transaction while typing) move the tail with {@link StructArrays}, which
 * the browser build replaces with the JavaScript engine's native {@code splice} (TeaVM's {@code ArrayList} moves
 * one element at a time, about 20 times slower in V8 for the long lists of a text). The array belongs to
 * {@link StructArrays}: on the JVM it has spare room at its end, in the browser it is exactly as long as the list
 * (a splice moves every element after the index, spare room included).
 */
public final class StructList extends AbstractList<Struct> implements RandomAccess {
    private Struct[] items;
    private int size;

    public StructList() {
        items = new Struct[0];
    }

    private IndexOutOfBoundsException outside(String what) {
        return new IndexOutOfBoundsException(what + " of " + size + " structs");
    }

    @Override
    public Struct get(int index) {
        if (index >= size) {
            throw outside("Index " + index);
        }
        return items[index];
    }

    @Override
    public Struct set(int index, Struct struct) {
        Struct old = get(index);
        items[index] = struct;
        return old;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean add(Struct struct) {
        items = StructArrays.insert(items, size, size, struct);
        size++;
        return true;
    }

    @Override
    public void add(int index, Struct struct) {
        if (index < 0 || index > size) {
            throw outside("Index " + index);
        }
        items = StructArrays.insert(items, size, index, struct);
        size++;
    }

    @Override
    public Struct remove(int index) {
        Struct old = get(index);
        removeRange(index, index + 1);
        return old;
    }

    /** Removes the structs {@code from} (inclusive) to {@code to} (exclusive), moving the tail once. */
    @Override
    public void removeRange(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw outside("Range " + from + "-" + to);
        }
        if (from < to) {
            StructArrays.remove(items, size, from, to);
            size -= to - from;
        }
    }
}
