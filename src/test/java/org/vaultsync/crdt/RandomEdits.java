package org.vaultsync.crdt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.crdt.types.SharedType;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YMap;

/**
 * Random map and array edits on a document with a root map {@code m} and a root array {@code a}. Each edit is
 * applied and returned in the conformance vectors' op notation, so a Yjs peer can replay exactly the same edit.
 */
public final class RandomEdits {
    private static final String[] KEYS = {"a", "b", "c", "k", "é", "0", "10"};

    private RandomEdits() {
    }

    public static void openRoots(Doc doc) {
        doc.getMap("m");
        doc.getArray("a");
    }

    /** Applies one random edit to {@code doc} (call inside a transaction to batch several) and describes it. */
    public static Map<String, Object> editOnce(Random random, Doc doc) {
        List<Object[]> targets = new ArrayList<>();
        collect(doc.getMap("m"), List.of("m"), targets, 0);
        collect(doc.getArray("a"), List.of("a"), targets, 0);
        Object[] target = targets.get(random.nextInt(targets.size()));
        @SuppressWarnings("unchecked")
        List<Object> path = (List<Object>) target[0];
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("path", path);
        if (target[1] instanceof YMap map) {
            op.put("type", "map");
            String key = KEYS[random.nextInt(KEYS.length)];
            op.put("key", key);
            if (random.nextInt(4) == 0 && map.has(key)) {
                op.put("action", "delete");
                map.delete(key);
            } else {
                op.put("action", "set");
                Object[] value = randomValue(random, true, true);
                op.put("value", value[1]);
                map.set(key, value[0]);
            }
        } else {
            YArray array = (YArray) target[1];
            op.put("type", "array");
            int choice = random.nextInt(5);
            if (choice == 0 && array.length() > 0) {
                int index = random.nextInt(array.length());
                int length = 1 + random.nextInt(Math.min(3, array.length() - index));
                op.put("action", "delete");
                op.put("index", (double) index);
                op.put("length", (double) length);
                array.delete(index, length);
            } else {
                int count = 1 + random.nextInt(3);
                List<Object> values = new ArrayList<>();
                List<Object> notation = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Object[] value = randomValue(random, false, true);
                    values.add(value[0]);
                    notation.add(value[1]);
                }
                op.put("values", notation);
                if (choice == 1) {
                    op.put("action", "push");
                    array.push(values);
                } else {
                    int index = random.nextInt(array.length() + 1);
                    op.put("action", "insert");
                    op.put("index", (double) index);
                    array.insert(index, values);
                }
            }
        }
        return op;
    }

    private static void collect(SharedType type, List<Object> path, List<Object[]> targets, int depth) {
        targets.add(new Object[] {path, type});
        if (depth > 3) {
            return;
        }
        if (type instanceof YMap map) {
            for (Map.Entry<String, Object> entry : map.entries().entrySet()) {
                if (entry.getValue() instanceof SharedType child) {
                    collect(child, append(path, entry.getKey()), targets, depth + 1);
                }
            }
        } else if (type instanceof YArray array) {
            List<Object> values = array.toArray();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof SharedType child) {
                    collect(child, append(path, (double) i), targets, depth + 1);
                }
            }
        }
    }

    private static List<Object> append(List<Object> path, Object key) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }

    /** A random value and its notation: {value for our API, value in the vectors' JSON notation}. */
    private static Object[] randomValue(Random random, boolean forMap, boolean allowTypes) {
        switch (random.nextInt(allowTypes ? 12 : 10)) {
            case 0:
                return same((double) (random.nextInt(200) - 100));
            case 1: {
                double[] tricky = {0.5, -1.25e-10, 3.141592653589793, 4294967296.0, 2147483648.0, -2147483648.0,
                    9007199254740991.0, 1e21, 0.1};
                return same(tricky[random.nextInt(tricky.length)]);
            }
            case 2: {
                // no lone surrogates: the author's replica would keep one that every other replica reads as U+FFFD
                String[] strings = {"", "x", "hello", "é€😀", "a\u0000b", "\uFEFFbom", "ключ"};
                return same(strings[random.nextInt(strings.length)]);
            }
            case 3:
                return same(random.nextBoolean());
            case 4:
                return same(null);
            case 5: {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("n", (double) random.nextInt(10));
                object.put("s", "v" + random.nextInt(10));
                object.put("1", List.of(true, false));
                return same(object);
            }
            case 6:
                return same(List.of((double) random.nextInt(5), "q", Map.of()));
            case 7: {
                byte[] bytes = new byte[random.nextInt(4)];
                random.nextBytes(bytes);
                return new Object[] {bytes, Map.of("$bytes", Hex.of(bytes))};
            }
            case 8:
                if (forMap) {
                    return new Object[] {Undefined.VALUE, Map.of("$undefined", true)};
                }
                return same("plain");
            case 9:
                return same((double) random.nextInt(1000000));
            case 10: {
                YMap map = new YMap();
                Map<String, Object> entries = new LinkedHashMap<>();
                if (random.nextBoolean()) {
                    map.set("x", (double) random.nextInt(9));
                    entries.put("x", map.get("x"));
                }
                Map<String, Object> notation = new LinkedHashMap<>();
                notation.put("$type", "Y.Map");
                notation.put("entries", entries);
                return new Object[] {map, notation};
            }
            default: {
                YArray array = new YArray();
                List<Object> values = new ArrayList<>();
                if (random.nextBoolean()) {
                    array.push((double) random.nextInt(9), "y");
                    values.addAll(array.toArray());
                }
                Map<String, Object> notation = new LinkedHashMap<>();
                notation.put("$type", "Y.Array");
                notation.put("values", values);
                return new Object[] {array, notation};
            }
        }
    }

    private static Object[] same(Object value) {
        return new Object[] {value, value};
    }
}
