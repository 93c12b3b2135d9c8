package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.common.TypeNames;

/**
 * Item data is plain JSON values: null, Boolean, Double, String, List and Map with string keys. Copies are deep, so
 * no two items (or an item and its caller) ever share a mutable list or map; numbers become Doubles as in JSON.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /** True if {@code value} is a JSON value (any Number counts; it becomes a Double when copied). */
    public static boolean isJson(Object value) {
        return isJson(value, 0);
    }

    private static boolean isJson(Object value, int depth) {
        if (depth > 64) {
            return false;
        }
        if (value == null || value instanceof Boolean || value instanceof String) {
            return true;
        }
        if (value instanceof Number number) {
            return Double.isFinite(number.doubleValue());
        }
        if (value instanceof List<?> list) {
            for (Object entry : list) {
                if (!isJson(entry, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String) || !isJson(entry.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** A deep, mutable copy; throws {@link IllegalArgumentException} for a value JSON cannot hold. */
    public static Object copy(Object value) {
        if (value == null || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("not a finite number");
            }
            return d;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object entry : list) {
                out.add(copy(entry));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("map keys must be strings, got " + TypeNames.of(entry.getKey()));
                }
                out.put(key, copy(entry.getValue()));
            }
            return out;
        }
        throw new IllegalArgumentException("not a JSON value: " + TypeNames.of(value));
    }

    /** A deep copy nobody can modify. */
    @SuppressWarnings("unchecked")
    public static Object frozen(Object value) {
        Object copy = copy(value);
        return freeze(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object value) {
        if (value instanceof List<?> list) {
            List<Object> out = (List<Object>) list;
            for (int i = 0; i < out.size(); i++) {
                out.set(i, freeze(out.get(i)));
            }
            return Collections.unmodifiableList(out);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = (Map<String, Object>) map;
            for (Map.Entry<String, Object> entry : out.entrySet()) {
                entry.setValue(freeze(entry.getValue()));
            }
            return Collections.unmodifiableMap(out);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> frozenMap(Map<String, ?> map) {
        return (Map<String, Object>) frozen(map);
    }

    /** Deep equality where numbers compare by value (1 equals 1.0). */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                if (!y.containsKey(entry.getKey()) || !same(entry.getValue(), y.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a == null ? b == null : a.equals(b);
    }
}
