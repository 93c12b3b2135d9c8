package org.vaultsync.crdt.types;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.id.IdRange;
import org.vaultsync.crdt.structs.ContentFormat;
import org.vaultsync.crdt.structs.Item;
import org.vaultsync.crdt.structs.Struct;
import org.vaultsync.crdt.structs.StructStore;

/**
 * Formatting attributes of rich text: how Yjs compares them, tracks them along a walk, and removes formatting
 * markers that concurrent edits made redundant. The clean-ups delete markers, and deletions go on the wire, so they
 * run exactly when and where Yjs runs them: after a deletion, after a remote transaction into formatted text, and
 * while an event computes its delta.
 */
public final class TextFormatting {
    private TextFormatting() {
    }

    /** JavaScript's {@code ===} for attribute values: primitives by value, objects and arrays by identity. */
    static boolean strictEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        return (a instanceof String || a instanceof Boolean) && a.equals(b);
    }

    /** Yjs's {@code equalAttrs}: strictly equal, or two objects (arrays too) with strictly equal own properties. */
    static boolean equalAttrs(Object a, Object b) {
        if (strictEquals(a, b)) {
            return true;
        }
        Map<String, Object> x = asObject(a);
        Map<String, Object> y = asObject(b);
        if (x == null || y == null || x.size() != y.size()) {
            return false;
        }
        for (Map.Entry<String, Object> entry : x.entrySet()) {
            if (!y.containsKey(entry.getKey()) || !strictEquals(entry.getValue(), y.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (value instanceof List<?> list) {
            Map<String, Object> byIndex = new LinkedHashMap<>();
            for (int i = 0; i < list.size(); i++) {
                byIndex.put(Integer.toString(i), list.get(i));
            }
            return byIndex;
        }
        return null;
    }

    static void update(Map<String, Object> currentAttributes, ContentFormat format) {
        if (format.value() == null) {
            currentAttributes.remove(format.key());
        } else {
            currentAttributes.put(format.key(), format.value());
        }
    }

    static boolean isFormat(Item item) {
        return item.content instanceof ContentFormat;
    }

    /**
     * After content between {@code start} and the next visible content was deleted: deletes the markers in that
     * gap that are overwritten by a later marker of the same key or that repeat the attribute already in effect.
     * The attributes at {@code at.right} are corrected for the markers deleted before it. A gap without markers
     * (plain text) costs no table.
     */
    static int cleanupGap(Transaction transaction, Item start, TextPosition at, Map<String, Object> startAttributes) {
        Item end = start;
        Map<String, ContentFormat> endFormats = null;
        while (end != null && (!end.countable() || end.isDeleted())) {
            if (!end.isDeleted() && end.content instanceof ContentFormat format) {
                if (endFormats == null) {
                    endFormats = new LinkedHashMap<>();
                }
                endFormats.put(format.key(), format);
            }
            end = end.right;
        }
        if (endFormats == null) {
            return 0; // the walk below acts on visible markers only, and there is none in the gap
        }
        Item curr = at.right;
        Map<String, Object> currAttributes = at.attributes();
        int cleanups = 0;
        boolean reachedCurr = false;
        while (start != end) {
            if (curr == start) {
                reachedCurr = true;
            }
            if (!start.isDeleted() && start.content instanceof ContentFormat format) {
                String key = format.key();
                Object value = format.value();
                Object startValue = startAttributes.get(key);
                if (endFormats.get(key) != format || strictEquals(startValue, value)) {
                    start.delete(transaction);
                    cleanups++;
                    if (!reachedCurr && strictEquals(currAttributes.get(key), value)
                            && !strictEquals(startValue, value)) {
                        if (startValue == null) {
                            currAttributes.remove(key);
                        } else {
                            currAttributes.put(key, startValue);
                        }
                    }
                }
                if (!reachedCurr && !start.isDeleted()) {
                    update(currAttributes, format);
                }
            }
            start = start.right;
        }
        return cleanups;
    }

    /** Without knowing the attributes in effect: among the markers of one gap, only the last per key stays. */
    private static void cleanupContextlessGap(Transaction transaction, Item item) {
        while (item != null && item.right != null && (item.right.isDeleted() || !item.right.countable())) {
            item = item.right;
        }
        Set<String> keys = new LinkedHashSet<>();
        while (item != null && (item.isDeleted() || !item.countable())) {
            if (!item.isDeleted() && item.content instanceof ContentFormat format) {
                if (!keys.add(format.key())) {
                    item.delete(transaction);
                }
            }
            item = item.left;
        }
    }

    /** Walks the whole type and cleans every gap between visible content (Yjs's cleanupYTextFormatting). */
    static int cleanupType(Transaction transaction, SharedType type) {
        int removed = 0;
        Item start = type.start;
        Item end = type.start;
        Map<String, Object> startAttributes = new LinkedHashMap<>();
        TextPosition current = new TextPosition(null, null, 0); // only its attributes and right are used here
        while (end != null) {
            if (!end.isDeleted()) {
                if (end.content instanceof ContentFormat format) {
                    current.apply(format);
                } else {
                    current.right = end;
                    removed += cleanupGap(transaction, start, current, startAttributes);
                    startAttributes = current.attributesCopy(); // only read
                    start = end;
                }
            }
            end = end.right;
        }
        return removed;
    }

    /**
     * After a remote transaction changed formatted text (Yjs's cleanupYTextAfterTransaction): a type that received
     * a new marker, or lost one, is cleaned whole; around other deletions in formatted text, the gap is cleaned
     * without context. Runs in a new transaction of its own, as in Yjs.
     */
    public static void afterTransaction(Transaction transaction) {
        StructStore store = transaction.doc().store();
        Set<SharedType> needFullCleanup = new LinkedHashSet<>();
        for (int client : transaction.afterState().clients()) {
            int before = transaction.beforeState().get(client);
            int after = transaction.afterState().get(client);
            if (after == before) {
                continue;
            }
            List<Struct> structs = store.structs(client);
            for (int i = store.findIndexCleanStart(transaction, structs, before); i < structs.size(); i++) {
                if (structs.get(i) instanceof Item item && !item.isDeleted() && isFormat(item)) {
                    needFullCleanup.add(item.parent);
                }
            }
        }
        transaction.doc().transact(cleanup -> {
            for (int client : transaction.deleteSet().clients()) {
                List<Struct> structs = store.structs(client);
                for (IdRange range : transaction.deleteSet().ranges(client)) {
                    int end = range.clock + range.length;
                    int i = store.findIndexCleanStart(transaction, structs, range.clock);
                    while (i < structs.size()) {
                        Struct struct = structs.get(i++);
                        if (end < struct.clock + struct.length) {
                            store.findIndexCleanStart(transaction, structs, end);
                        }
                        if (struct instanceof Item item && item.parent != null && item.parent.isFormatted()
                                && !needFullCleanup.contains(item.parent)) {
                            if (isFormat(item)) {
                                needFullCleanup.add(item.parent);
                            } else {
                                cleanupContextlessGap(cleanup, item);
                            }
                        }
                        if (i >= structs.size() || structs.get(i).clock >= end) {
                            break;
                        }
                    }
                }
            }
            for (SharedType type : needFullCleanup) {
                cleanupType(cleanup, type);
            }
        });
    }
}
