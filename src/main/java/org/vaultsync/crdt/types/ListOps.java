package org.vaultsync.crdt.types;

import java.util.ArrayList;
import java.util.List;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.JsBigInt;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.crdt.id.Id;
import org.vaultsync.crdt.structs.Content;
import org.vaultsync.crdt.structs.ContentAny;
import org.vaultsync.crdt.structs.ContentBinary;
import org.vaultsync.crdt.structs.ContentType;
import org.vaultsync.crdt.structs.Item;
import org.vaultsync.crdt.structs.StructStore;

/** Local list edits, creating items exactly as Yjs does so that the emitted updates are byte-identical. */
final class ListOps {
    private ListOps() {
    }

    /** Where a walk for a list index may start: an item and the number of visible units before it. */
    record Cursor(Item item, int before) {
    }

    /**
     * A starting point for a walk to {@code index}: the type's position cache moved left until fewer than
     * ({@code strict}) or at most {@code index} visible units lie before it, or the start of the list. Walking
     * right from it meets the same items as walking from the start, so results are exactly as without the cache.
     */
    static Cursor startFor(SharedType parent, int index, boolean strict) {
        Item m = parent.markerItem();
        if (m == null) {
            return new Cursor(parent.start, 0);
        }
        int before = parent.markerIndex();
        while (m != null && (strict ? before >= index : before > index)) {
            m = m.left;
            if (m != null && !m.isDeleted() && m.countable()) {
                before -= m.length;
            }
        }
        return m == null ? new Cursor(parent.start, 0) : new Cursor(m, before);
    }

    /** Inserts after the visible unit at {@code index - 1}, splitting an item if the index falls inside it. */
    static void insert(Transaction transaction, SharedType parent, int index, List<Object> values) {
        if (index < 0 || index > parent.length) {
            throw new IndexOutOfBoundsException("Index " + index + " outside a list of length " + parent.length);
        }
        Item n = null;
        if (index > 0) {
            Cursor start = startFor(parent, index, true);
            int remaining = index - start.before();
            for (n = start.item(); n != null; n = n.right) {
                if (!n.isDeleted() && n.countable()) {
                    if (remaining <= n.length) {
                        if (remaining < n.length) {
                            transaction.doc().store().findCleanStart(transaction, new Id(n.client, n.clock + remaining));
                        }
                        break;
                    }
                    remaining -= n.length;
                }
            }
        }
        Item first = insertAfter(transaction, parent, n, values);
        if (first != null) {
            parent.setMarker(first, index);
        }
    }

    /** Appends after the very last item of the list, deleted or not (Yjs's push). */
    static void push(Transaction transaction, SharedType parent, List<Object> values) {
        Item last = parent.start;
        if (last != null) {
            while (last.right != null) {
                last = last.right;
            }
        }
        int before = parent.length;
        Item first = insertAfter(transaction, parent, last, values);
        if (first != null) {
            parent.setMarker(first, before);
        }
    }

    /**
     * Consecutive plain values share one item; binaries and nested types get an item each. Returns the item now
     * right of {@code reference}: the first one inserted.
     */
    static Item insertAfter(Transaction transaction, SharedType parent, Item reference, List<Object> values) {
        Item right = reference == null ? parent.start : reference.right;
        Item left = reference;
        List<Object> plain = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof byte[] || value instanceof SharedType) {
                left = insertItemPlain(transaction, parent, left, right, plain);
                Content content = value instanceof byte[] bytes
                        ? new ContentBinary(bytes) : new ContentType((SharedType) value);
                left = insertItem(transaction, parent, left, right, content);
            } else {
                plain.add(value);
            }
        }
        insertItemPlain(transaction, parent, left, right, plain);
        return reference == null ? parent.start : reference.right;
    }

    private static Item insertItemPlain(Transaction transaction, SharedType parent, Item left, Item right,
            List<Object> plain) {
        if (plain.isEmpty()) {
            return left;
        }
        Item item = insertItem(transaction, parent, left, right, new ContentAny(new ArrayList<>(plain)));
        plain.clear();
        return item;
    }

    private static Item insertItem(Transaction transaction, SharedType parent, Item left, Item right,
            Content content) {
        StructStore store = transaction.doc().store();
        int client = transaction.doc().clientId();
        Item item = new Item(client, store.state(client), left == null ? null : left.lastId(),
                right == null ? null : right.id(), content);
        item.left = left;
        item.right = right;
        item.parent = parent;
        item.integrate(transaction, 0);
        return item;
    }

    static void delete(Transaction transaction, SharedType parent, int index, int count) {
        if (count == 0) {
            return;
        }
        if (index < 0 || count < 0 || index + count > parent.length) {
            throw new IndexOutOfBoundsException("Cannot delete " + count + " at " + index + " from a list of length "
                    + parent.length);
        }
        StructStore store = transaction.doc().store();
        Cursor startAt = startFor(parent, index, false);
        Item n = startAt.item();
        int remaining = index - startAt.before();
        for (; n != null && remaining > 0; n = n.right) {
            if (!n.isDeleted() && n.countable()) {
                if (remaining < n.length) {
                    store.findCleanStart(transaction, new Id(n.client, n.clock + remaining));
                }
                remaining -= n.length;
            }
        }
        Item start = n; // exactly index visible units lie before it, before and after the deletions
        int left = count;
        while (left > 0 && n != null) {
            if (!n.isDeleted()) {
                if (left < n.length) {
                    store.findCleanStart(transaction, new Id(n.client, n.clock + left));
                }
                n.delete(transaction);
                left -= n.length;
            }
            n = n.right;
        }
        if (start != null) {
            parent.setMarker(start, index);
        }
    }

    /** Checks and copies the values of an array insert; undefined and BigInts are refused as Yjs refuses them. */
    static List<Object> checkedValues(List<?> values) {
        List<Object> checked = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value instanceof Undefined || value instanceof JsBigInt) {
                throw new IllegalArgumentException("Arrays cannot hold " + value);
            }
            checked.add(value instanceof SharedType type ? checkedType(type) : PlainValues.copy(value));
        }
        return checked;
    }

    static SharedType checkedType(SharedType type) {
        if (type.doc() != null) {
            throw new IllegalArgumentException("This shared type is already part of a document");
        }
        return type;
    }

    /** Refuses a nested type where it would be integrated as garbage (see {@link SharedType#MAX_NESTING}). */
    static void checkNesting(SharedType parent, List<Object> values) {
        if (parent.doc() != null && parent.depth() >= SharedType.MAX_NESTING) {
            for (Object value : values) {
                if (value instanceof SharedType) {
                    throw new IllegalArgumentException("Types nest at most " + SharedType.MAX_NESTING + " levels deep");
                }
            }
        }
    }
}
