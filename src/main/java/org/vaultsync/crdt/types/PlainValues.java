package org.vaultsync.crdt.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.crdt.encoding.JsBigInt;
import org.vaultsync.crdt.encoding.JsPropertyOrder;
import org.vaultsync.crdt.encoding.Undefined;

/**
 * Checks and copies values given to a map or array before they are stored, so stored values look exactly like
 * values decoded from a peer: numbers become {@link Double}, objects become insertion-ordered maps with keys in
 * JavaScript order, byte arrays are copied. Anything without a JavaScript counterpart is refused.
 */
final class PlainValues {
    private static final int MAX_DEPTH = 256;

    private PlainValues() {
    }

    static Object copy(Object value) {
        return copy(value, 0);
    }

    private static Object copy(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("Value nested deeper than " + MAX_DEPTH + " levels");
        }
        if (value == null || value instanceof Boolean || value instanceof String || value instanceof Undefined
                || value instanceof JsBigInt) {
            return value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> source = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("Object keys must be strings, got " + entry.getKey());
                }
                source.put(key, entry.getValue());
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            for (String key : JsPropertyOrder.keys(source)) {
                copy.put(key, copy(source.get(key), depth + 1));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(copy(element, depth + 1));
            }
            return copy;
        }
        if (value instanceof SharedType) {
            throw new IllegalArgumentException("A shared type can only be a direct map value or array element");
        }
        throw new IllegalArgumentException("Not a storable value: " + value.getClass().getName());
    }
}
