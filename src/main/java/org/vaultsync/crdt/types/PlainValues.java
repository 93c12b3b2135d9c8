package org.vaultsync.crdt.types;

import java.util.List;
import java.util.Map;
import org.vaultsync.common.TypeNames;
import org.vaultsync.crdt.encoding.JsBigInt;
import org.vaultsync.crdt.encoding.PlainArray;
import org.vaultsync.crdt.encoding.PlainObject;
import org.vaultsync.crdt.encoding.Undefined;

/**
 * Checks and freezes values given to a map or array before they are stored, so stored values look exactly like
 * values decoded from a peer: numbers become {@link Double}, objects become immutable {@link PlainObject}s with keys
 * in JavaScript order, arrays immutable {@link PlainArray}s, byte arrays are copied. Values that are already
 * frozen (read from a document, decoded from a peer) are shared, not copied again: editing one item of a large
 * object copies only the levels that changed. Anything without a JavaScript counterpart is refused.
 */
public final class PlainValues {
    private static final int MAX_DEPTH = 256;

    private PlainValues() {
    }

    /**
     * {@code value} frozen for storing (the same object if it already is). Also what JSON read from an update
     * becomes ({@code UpdateDecoder}): its values are all storable and {@code Json.parse} bounds their nesting.
     */
    public static Object copy(Object value) {
        return copy(value, 0);
    }

    private static Object copy(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw tooDeep();
        }
        if (value == null || value instanceof String || value instanceof Double || value instanceof Boolean
                || value instanceof Undefined || value instanceof JsBigInt) {
            return value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof PlainObject || value instanceof PlainArray) {
            if (depth + PlainArray.heightOf(value) - 1 > MAX_DEPTH) {
                throw tooDeep();
            }
            return value; // immutable and already checked
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (value instanceof Map<?, ?> map) {
            PlainObject.Builder object = new PlainObject.Builder(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("Object keys must be strings, got " + TypeNames.of(entry.getKey()));
                }
                Object child = copy(entry.getValue(), depth + 1);
                object.putNew(key, child, PlainArray.heightOf(child));
            }
            return object.build();
        }
        if (value instanceof List<?> list) {
            Object[] items = new Object[list.size()];
            int height = 0;
            int i = 0;
            for (Object element : list) {
                items[i] = copy(element, depth + 1);
                height = Math.max(height, PlainArray.heightOf(items[i]));
                i++;
            }
            return new PlainArray(items, height + 1);
        }
        if (value instanceof SharedType) {
            throw new IllegalArgumentException("A shared type can only be a direct map value or array element");
        }
        throw new IllegalArgumentException("Not a storable value: " + TypeNames.of(value));
    }

    private static IllegalArgumentException tooDeep() {
        return new IllegalArgumentException("Value nested deeper than " + MAX_DEPTH + " levels");
    }
}
