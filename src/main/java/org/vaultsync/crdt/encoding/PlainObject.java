package org.vaultsync.crdt.encoding;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable JavaScript object as a document stores it: string keys in the order JavaScript enumerates them
 * (see {@link JsPropertyOrder}), values that are themselves plain values. Decoded values and values stored by a
 * map set or an array insert take this form, so they can be shared instead of deep-copied (nobody can change
 * them behind the document's back), and encoded without sorting keys again. Any mutator throws
 * {@link UnsupportedOperationException}; copy into a {@code LinkedHashMap} to edit.
 */
public final class PlainObject extends AbstractMap<String, Object> {
    /** Up to this many keys, a lookup scans the keys; above it, a hash index is built on the first lookup. */
    private static final int SCAN_LIMIT = 32;

    private final String[] keys;
    private final Object[] values;
    private final int height;
    private HashMap<String, Integer> index;
    private Set<Map.Entry<String, Object>> entries;

    private PlainObject(String[] keys, Object[] values, int height) {
        this.keys = keys;
        this.values = values;
        this.height = height;
    }

    public int size() {
        return keys.length;
    }

    /** The i-th key in JavaScript order. */
    public String key(int i) {
        return keys[i];
    }

    /** The value of the i-th key. */
    public Object value(int i) {
        return values[i];
    }

    /** Levels of nested objects and arrays, this one included (used to enforce nesting limits without a walk). */
    public int height() {
        return height;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        if (keys.length <= SCAN_LIMIT) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        if (index == null) {
            HashMap<String, Integer> built = new HashMap<>(keys.length * 2);
            for (int i = 0; i < keys.length; i++) {
                built.put(keys[i], i);
            }
            index = built;
        }
        Integer i = index.get(key);
        return i == null ? -1 : i;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        if (entries == null) {
            entries = new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Map.Entry<String, Object> next() {
                            if (next >= keys.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }
        return entries;
    }

    /**
     * Collects entries with JavaScript's object semantics: a repeated key keeps its first position and takes the
     * last value. {@link #build} puts array-index keys first, ascending, as JavaScript enumerates them.
     */
    public static final class Builder {
        private String[] keys;
        private Object[] values;
        private int size;
        private int height = 1;
        private boolean hasIndexKey;
        private HashMap<String, Integer> positions;

        public Builder(int expectedSize) {
            int capacity = Math.max(expectedSize, 1);
            keys = new String[capacity];
            values = new Object[capacity];
        }

        /** Adds or replaces {@code key}; {@code childHeight} is the nesting height of {@code value} (0 for scalars). */
        public Builder put(String key, Object value, int childHeight) {
            int at = find(key);
            if (at >= 0) {
                height = Math.max(height, childHeight + 1);
                values[at] = value;
                return this;
            }
            return putNew(key, value, childHeight);
        }

        /**
         * Adds a key known not to be there yet (the keys of a {@code Map} are unique): no search for a duplicate.
         * Must not be mixed with {@link #put} on the same builder.
         */
        public Builder putNew(String key, Object value, int childHeight) {
            height = Math.max(height, childHeight + 1);
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            if (positions != null) {
                positions.put(key, size);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            if (!hasIndexKey && JsPropertyOrder.isArrayIndex(key)) {
                hasIndexKey = true;
            }
            return this;
        }

        private int find(String key) {
            if (positions == null) {
                for (int i = 0; i < size; i++) {
                    if (keys[i].equals(key)) {
                        return i;
                    }
                }
                if (size < SCAN_LIMIT) {
                    return -1;
                }
                positions = new HashMap<>(size * 4);
                for (int i = 0; i < size; i++) {
                    positions.put(keys[i], i);
                }
                return -1;
            }
            Integer at = positions.get(key);
            return at == null ? -1 : at;
        }

        public PlainObject build() {
            String[] k = size == keys.length ? keys : java.util.Arrays.copyOf(keys, size);
            Object[] v = size == values.length ? values : java.util.Arrays.copyOf(values, size);
            if (hasIndexKey) {
                JsPropertyOrder.sortIndexKeysFirst(k, v);
            }
            keys = null;
            values = null;
            return new PlainObject(k, v, height);
        }
    }
}
