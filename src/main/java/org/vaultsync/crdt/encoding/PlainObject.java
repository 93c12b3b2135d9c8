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

    /**
     * Key 0, value 0, key 1, value 1, ...: one array per object instead of one for keys and one for values (after
     * TeaVM each array is two JavaScript objects, and a decoded document holds thousands of small objects).
     */
    private final Object[] entries;
    private final int height;
    private HashMap<String, Integer> index;
    private Set<Map.Entry<String, Object>> entryView;

    private PlainObject(Object[] entries, int height) {
        this.entries = entries;
        this.height = height;
    }

    public int size() {
        return entries.length >> 1;
    }

    /** The i-th key in JavaScript order. */
    public String key(int i) {
        return (String) entries[2 * i];
    }

    /** The value of the i-th key. */
    public Object value(int i) {
        return entries[2 * i + 1];
    }

    /** Levels of nested objects and arrays, this one included (used to enforce nesting limits without a walk). */
    public int height() {
        return height;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : value(i);
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        int size = size();
        if (size <= SCAN_LIMIT) {
            for (int i = 0; i < size; i++) {
                if (entries[2 * i].equals(key)) {
                    return i;
                }
            }
            return -1;
        }
        if (index == null) {
            HashMap<String, Integer> built = new HashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                built.put(key(i), i);
            }
            index = built;
        }
        Integer i = index.get(key);
        return i == null ? -1 : i;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        if (entryView == null) {
            entryView = new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size();
                        }

                        @Override
                        public Map.Entry<String, Object> next() {
                            if (next >= size()) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(key(i), value(i));
                        }
                    };
                }

                @Override
                public int size() {
                    return PlainObject.this.size();
                }
            };
        }
        return entryView;
    }

    /**
     * Collects entries with JavaScript's object semantics: a repeated key keeps its first position and takes the
     * last value. {@link #build} puts array-index keys first, ascending, as JavaScript enumerates them.
     */
    public static final class Builder {
        /** key, value, key, value, ... as in {@link PlainObject} */
        private Object[] entries;
        private int size;
        private int height = 1;
        private boolean hasIndexKey;
        private HashMap<String, Integer> positions;

        public Builder(int expectedSize) {
            entries = new Object[2 * Math.max(expectedSize, 1)];
        }

        /** Adds or replaces {@code key}; {@code childHeight} is the nesting height of {@code value} (0 for scalars). */
        public Builder put(String key, Object value, int childHeight) {
            int at = find(key);
            if (at >= 0) {
                height = Math.max(height, childHeight + 1);
                entries[2 * at + 1] = value;
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
            if (2 * size == entries.length) {
                entries = java.util.Arrays.copyOf(entries, entries.length * 2);
            }
            if (positions != null) {
                positions.put(key, size);
            }
            entries[2 * size] = key;
            entries[2 * size + 1] = value;
            size++;
            if (!hasIndexKey && JsPropertyOrder.isArrayIndex(key)) {
                hasIndexKey = true;
            }
            return this;
        }

        private int find(String key) {
            if (positions == null) {
                // hash codes first: a string caches its own, and decoded keys are shared (SharedStrings), so most
                // of the comparisons of a decoded object's keys with each other cost a field read, not a compare
                int hash = key.hashCode();
                for (int i = 0; i < size; i++) {
                    String known = (String) entries[2 * i];
                    if (known.hashCode() == hash && known.equals(key)) {
                        return i;
                    }
                }
                if (size < SCAN_LIMIT) {
                    return -1;
                }
                positions = new HashMap<>(size * 4);
                for (int i = 0; i < size; i++) {
                    positions.put((String) entries[2 * i], i);
                }
                return -1;
            }
            Integer at = positions.get(key);
            return at == null ? -1 : at;
        }

        public PlainObject build() {
            Object[] e = 2 * size == entries.length ? entries : java.util.Arrays.copyOf(entries, 2 * size);
            if (hasIndexKey) {
                JsPropertyOrder.sortIndexKeysFirst(e, 2);
            }
            entries = null;
            return new PlainObject(e, height);
        }
    }
}
