package org.vaultsync.crdt.encoding;

import java.util.ArrayList;
import java.util.Arrays;
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
        List<String> keys = new ArrayList<>(map.keySet());
        if (map instanceof PlainObject) {
            return keys; // already in JavaScript order
        }
        int indexKeys = 0;
        for (String key : keys) {
            if (isArrayIndex(key)) {
                indexKeys++;
            }
        }
        if (indexKeys == 0) {
            return keys;
        }
        String[] ordered = keys.toArray(new String[0]);
        sortIndexKeysFirst(ordered, 1);
        return Arrays.asList(ordered); // read only by callers
    }

    /** True for the canonical decimal form of an integer in [0, 2^32 - 2]. */
    public static boolean isArrayIndex(String key) {
        int n = key.length();
        if (n == 0 || n > 10) {
            return false;
        }
        char first = key.charAt(0);
        if (first < '0' || first > '9' || (n > 1 && first == '0')) {
            return false;
        }
        double value = 0; // exact: at most 10 digits; long would be a slow BigInt after TeaVM
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 4294967294.0;
    }

    private static double digitsValue(String digits) {
        double value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value;
    }

    /**
     * Reorders {@code items} into JavaScript order: array-index keys ascending, then the others in their current
     * order. {@code stride} 1: the items are keys; 2: key, value, key, value, ... (each value moves with its key).
     */
    static void sortIndexKeysFirst(Object[] items, int stride) {
        int n = items.length / stride;
        Object[] sorted = new Object[items.length];
        double[] indexValues = new double[n];
        int indexCount = 0;
        for (int i = 0; i < n; i++) {
            String key = (String) items[i * stride];
            if (isArrayIndex(key)) {
                double value = digitsValue(key);
                int at = indexCount;
                while (at > 0 && indexValues[at - 1] > value) { // insertion sort: index keys are few
                    indexValues[at] = indexValues[at - 1];
                    System.arraycopy(sorted, (at - 1) * stride, sorted, at * stride, stride);
                    at--;
                }
                indexValues[at] = value;
                System.arraycopy(items, i * stride, sorted, at * stride, stride);
                indexCount++;
            }
        }
        int at = indexCount;
        for (int i = 0; i < n; i++) {
            if (!isArrayIndex((String) items[i * stride])) {
                System.arraycopy(items, i * stride, sorted, at * stride, stride);
                at++;
            }
        }
        System.arraycopy(sorted, 0, items, 0, items.length);
    }
}
