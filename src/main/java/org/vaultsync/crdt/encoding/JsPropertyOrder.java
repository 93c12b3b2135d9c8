package org.vaultsync.crdt.encoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JavaScript enumerates an object's keys in a fixed order: canonical array-index keys ({@code "0"}, {@code "1"}, ...
 * up to 2^32 - 2) ascending first, then every other key in insertion order. Yjs writes objects in that order, so
 * we do too, and a map built locally in any order encodes to the same bytes as the equivalent JS object.
 */
public final class JsPropertyOrder {
    private JsPropertyOrder() {
    }

    /** The keys of {@code map} in the order JavaScript would enumerate them. */
    public static List<String> keys(Map<String, ?> map) {
        List<String> indexKeys = null;
        List<String> otherKeys = new ArrayList<>(map.size());
        for (String key : map.keySet()) {
            if (isArrayIndex(key)) {
                if (indexKeys == null) {
                    indexKeys = new ArrayList<>();
                }
                insertSorted(indexKeys, key);
            } else {
                otherKeys.add(key);
            }
        }
        if (indexKeys == null) {
            return otherKeys;
        }
        indexKeys.addAll(otherKeys);
        return indexKeys;
    }

    /**
     * A deep copy of a plain value with every object's keys in JavaScript order, so that reading it back (for
     * example through {@code toJSON}) gives the same order a JS peer sees.
     */
    public static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) map;
            Map<String, Object> copy = new LinkedHashMap<>();
            for (String key : keys(source)) {
                copy.put(key, normalize(source.get(key)));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(normalize(element));
            }
            return copy;
        }
        return value;
    }

    /** True for the canonical decimal form of an integer in [0, 2^32 - 2]. */
    public static boolean isArrayIndex(String key) {
        int n = key.length();
        if (n == 0 || n > 10) {
            return false;
        }
        if (n > 1 && key.charAt(0) == '0') {
            return false;
        }
        long value = 0;
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 4294967294L;
    }

    private static void insertSorted(List<String> indexKeys, String key) {
        long value = Long.parseLong(key);
        int at = indexKeys.size();
        while (at > 0 && Long.parseLong(indexKeys.get(at - 1)) > value) {
            at--;
        }
        indexKeys.add(at, key);
    }
}
