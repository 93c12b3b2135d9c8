package org.vaultsync.crdt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.crdt.types.DeltaOp;
import org.vaultsync.crdt.types.SharedType;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.crdt.types.YText;

/**
 * Random map, array and text edits on a document with a root map {@code m}, a root array {@code a} and a root text
 * {@code t} (texts also nest in maps and arrays). Each edit is applied and returned in the conformance vectors' op
 * notation, so a Yjs peer can replay exactly the same edit. Text edits favour short texts, so concurrent edits often
 * meet at the same position, and use surrogate pairs (never split) and overlapping formatting.
 */
public final class RandomEdits {
    private static final String[] KEYS = {"a", "b", "c", "k", "é", "0", "10"};
    private static final String[] TEXTS = {"a", "xy", "hello", "😀", "a😀b", "é€", "\n", "ZZZ", "🎲🎲"};
    private static final String[] ATTRIBUTE_KEYS = {"bold", "italic", "link", "0"};

    private RandomEdits() {
    }

    public static void openRoots(Doc doc) {
        doc.getMap("m");
        doc.getArray("a");
        doc.getText("t");
    }

    /** Applies one random edit to {@code doc} (call inside a transaction to batch several) and describes it. */
    public static Map<String, Object> editOnce(Random random, Doc doc) {
        List<Object[]> targets = new ArrayList<>();
        collect(doc.getMap("m"), List.of("m"), targets, 0);
        collect(doc.getArray("a"), List.of("a"), targets, 0);
        collect(doc.getText("t"), List.of("t"), targets, 0);
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
        } else if (target[1] instanceof YText text) {
            editText(random, text, op);
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

    private static void editText(Random random, YText text, Map<String, Object> op) {
        op.put("type", "text");
        String units = units(text);
        int choice = random.nextInt(10);
        if (choice < 2 && units.length() > 0) {
            int index = boundary(units, random.nextInt(units.length()));
            int end = boundary(units, Math.min(units.length(), index + 1 + random.nextInt(3)));
            if (end == index) {
                end = Math.min(units.length(), index + 2);
            }
            op.put("action", "delete");
            op.put("index", (double) index);
            op.put("length", (double) (end - index));
            text.delete(index, end - index);
        } else if (choice < 4 && units.length() > 0) {
            int index = boundary(units, random.nextInt(units.length()));
            int end = boundary(units, Math.min(units.length(), index + 1 + random.nextInt(5)));
            if (end == index) {
                end = Math.min(units.length(), index + 2);
            }
            Map<String, Object> attributes = randomAttributes(random, true);
            op.put("action", "format");
            op.put("index", (double) index);
            op.put("length", (double) (end - index));
            op.put("attributes", attributes);
            text.format(index, end - index, attributes);
        } else if (choice == 4) {
            int index = boundary(units, random.nextInt(units.length() + 1));
            Map<String, Object> embed = new LinkedHashMap<>();
            embed.put("image", "i" + random.nextInt(5));
            Map<String, Object> attributes = random.nextBoolean() ? randomAttributes(random, false) : null;
            op.put("action", "insertEmbed");
            op.put("index", (double) index);
            op.put("embed", embed);
            if (attributes != null) {
                op.put("attributes", attributes);
            }
            text.insertEmbed(index, embed, attributes);
        } else {
            int index = boundary(units, random.nextInt(units.length() + 1));
            String inserted = TEXTS[random.nextInt(TEXTS.length)];
            Map<String, Object> attributes = random.nextInt(3) == 0 ? randomAttributes(random, false) : null;
            op.put("action", "insert");
            op.put("index", (double) index);
            op.put("text", inserted);
            if (attributes != null) {
                op.put("attributes", attributes);
            }
            text.insert(index, inserted, attributes);
        }
    }

    /** The text's UTF-16 units with each embed as U+FFFC: indices into it are indices into the text. */
    public static String units(YText text) {
        StringBuilder units = new StringBuilder();
        for (DeltaOp op : text.toDelta()) {
            units.append(op.insert() instanceof String s ? s : "\uFFFC");
        }
        return units.toString();
    }

    /** {@code index}, moved one unit left if it would fall between the halves of a surrogate pair. */
    private static int boundary(String units, int index) {
        if (index > 0 && index < units.length() && Character.isHighSurrogate(units.charAt(index - 1))
                && Character.isLowSurrogate(units.charAt(index))) {
            return index - 1;
        }
        return index;
    }

    private static Map<String, Object> randomAttributes(Random random, boolean allowNull) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            String key = ATTRIBUTE_KEYS[random.nextInt(ATTRIBUTE_KEYS.length)];
            int kind = random.nextInt(allowNull ? 5 : 4);
            Object value = switch (kind) {
                case 0 -> true;
                case 1 -> "u" + random.nextInt(3);
                case 2 -> (double) random.nextInt(3);
                case 3 -> Map.of("c", (double) random.nextInt(2));
                default -> null;
            };
            attributes.put(key, value);
        }
        return attributes;
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
        switch (random.nextInt(allowTypes ? 13 : 10)) {
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
            case 12: {
                String initial = TEXTS[random.nextInt(TEXTS.length)];
                YText text = new YText(initial);
                Map<String, Object> notation = new LinkedHashMap<>();
                notation.put("$type", "Y.Text");
                notation.put("text", initial);
                return new Object[] {text, notation};
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
