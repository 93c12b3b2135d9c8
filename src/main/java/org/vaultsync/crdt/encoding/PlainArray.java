package org.vaultsync.crdt.encoding;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable JavaScript array as a document stores it (see {@link PlainObject} for why values are immutable).
 * Any mutator throws {@link UnsupportedOperationException}.
 */
public final class PlainArray extends AbstractList<Object> implements RandomAccess {
    private final Object[] items;
    private final int height;

    /** Takes ownership of {@code items}: the caller must not change the array afterwards. */
    public PlainArray(Object[] items, int height) {
        this.items = items;
        this.height = height;
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    /** Levels of nested objects and arrays, this one included. */
    public int height() {
        return height;
    }

    /** Nesting height of any plain value: 0 for scalars. */
    public static int heightOf(Object value) {
        if (value instanceof PlainObject object) {
            return object.height();
        }
        if (value instanceof PlainArray array) {
            return array.height;
        }
        return 0;
    }
}
