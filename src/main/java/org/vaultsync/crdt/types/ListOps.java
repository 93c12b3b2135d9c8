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
    static final class Cursor {
        private final Item item;
        private final int before;

        Cursor(Item item, int before) {
            this.item = item;
            this.before = before;
        }

        Item item() {
            return item;
        }

        int before() {
            return before;
        }
    }

    /** A starting point for a walk to {@code index}: a search marker at or near it, else the start of the list. */
    static Cursor startFor(SharedType parent, int index) {
        SearchMarkers.Marker marker = parent.markers == null ? null : parent.markers.find(parent, index);
        return marker == null ? new Cursor(parent.start, 0) : new Cursor(marker.item, marker.index);
    }

    /** The error for a list index beyond its end (one message builder for every list operation). */
    static IndexOutOfBoundsException outside(int index, int length) {
        return new IndexOutOfBoundsException("Index " + index + " outside a list of length " + length);
    }

    static IndexOutOfBoundsException cannotDelete(int count, int index, int length) {
        return new IndexOutOfBoundsException("Cannot delete " + count + " at " + index + " from a list of length "
                + length);
    }

    static void shiftMarkers(SharedType parent, int index, int len) {
        if (parent.markers != null) {
            parent.markers.update(index, len);
        }
    }

    /** Inserts after the visible unit at {@code index - 1}, splitting an item if the index falls inside it. */
    static void insert(Transaction transaction, SharedType parent, int index, List<Object> values) {
        if (index < 0 || index > parent.length) {
            throw outside(index, parent.length);
        }
        Item n = null;
        if (index > 0) {
            Cursor start = startFor(parent, index);
            n = start.item();
            int remaining = index - start.before();
            if (start.before() > 0 && remaining == 0) {
                // step onto the visible item before the marker, so the walk below stops right after it (as Yjs)
                n = previousUndeleted(n);
                remaining += n != null && n.countable() && !n.isDeleted() ? n.length : 0;
            }
            for (; n != null; n = n.right) {
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
        shiftMarkers(parent, index, values.size());
        insertAfter(transaction, parent, n, values);
    }

    private static Item previousUndeleted(Item item) {
        Item n = item.left;
        while (n != null && n.isDeleted()) {
            n = n.left;
        }
        return n;
    }

    /** Appends after the very last item of the list, deleted or not (Yjs's push); markers stay valid. */
    static void push(Transaction transaction, SharedType parent, List<Object> values) {
        SearchMarkers.Marker marker = parent.markers == null ? null : parent.markers.last();
        Item last = marker == null ? parent.start : marker.item;
        if (last != null) {
            while (last.right != null) {
                last = last.right;
            }
        }
        insertAfter(transaction, parent, last, values);
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

    static Item insertItem(Transaction transaction, SharedType parent, Item left, Item right,
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
            throw cannotDelete(count, index, parent.length);
        }
        StructStore store = transaction.doc().store();
        Cursor startAt = startFor(parent, index);
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
        shiftMarkers(parent, index, -count);
    }

    /** Checks and copies the values of an array insert; undefined and BigInts are refused as Yjs refuses them. */
    static List<Object> checkedValues(List<?> values) {
        List<Object> checked = new ArrayList<>(values.size());
        for (Object value : values) {
            if (value instanceof Undefined || value instanceof JsBigInt) {
                throw new IllegalArgumentException("Arrays cannot hold " + (value instanceof Undefined ? "undefined" : "a BigInt"));
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
