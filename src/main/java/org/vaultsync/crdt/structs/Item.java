package org.vaultsync.crdt.structs;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.id.Id;
import org.vaultsync.crdt.types.SharedType;

/**
 * Content with a position: the YATA list element. {@code origin} and {@code rightOrigin} record the neighbours at
 * creation and drive conflict resolution; {@code left}/{@code right} are the current neighbours in the parent's
 * list (or, for map entries, in the key's chain of values).
 *
 * <p>An item read from an update but not yet integrated names its parent as it came on the wire: a root name
 * ({@link #parentName}) or the ID of the item holding the parent type ({@link #parentId}); both may be null when
 * an origin lets the receiver find the parent. Integration resolves them into {@link #parent}.
 */
public final class Item extends Struct {
    public Id origin;
    public Id rightOrigin;
    public Item left;
    public Item right;
    public SharedType parent;
    public String parentName;
    public Id parentId;
    /** Map key, or null for list content. */
    public String parentSub;
    public Content content;
    private boolean deleted;
    /** Cached from the content at creation (as Yjs caches it): list walks then need not touch the content. */
    private final boolean countable;
    /** A search marker points here (or did: like Yjs, clearing the markers leaves the flag). */
    public boolean marker;
    /** Never garbage-collect this item (kept for parity with Yjs; nothing sets it yet). */
    public boolean keep;
    /** Set during dependency resolution when a neighbour was garbage-collected: the item integrates as GC. */
    private boolean collectOnIntegrate;

    public Item(int client, int clock, Id origin, Id rightOrigin, Content content) {
        super(client, clock, content.length());
        this.origin = origin;
        this.rightOrigin = rightOrigin;
        this.content = content;
        this.countable = content.countable();
    }

    public boolean countable() {
        return countable;
    }

    @Override
    public boolean isDeleted() {
        return deleted;
    }

    public void markDeleted() {
        deleted = true;
    }

    public Id lastId() {
        return length == 1 ? new Id(client, clock) : new Id(client, clock + length - 1);
    }

    /**
     * The last value of this item's content: what a map entry shows. Contents without values (a format marker a
     * peer put under a map key) read as undefined, as in Yjs.
     */
    public Object lastValue() {
        return content.lastValue();
    }

    /** Splits off the clocks from {@code diff} on into a new item placed right of this one. */
    public Item split(Transaction transaction, int diff) {
        Item rightItem = new Item(client, clock + diff, new Id(client, clock + diff - 1), rightOrigin,
                content.splice(diff));
        rightItem.left = this;
        rightItem.right = right;
        rightItem.parent = parent;
        rightItem.parentSub = parentSub;
        rightItem.deleted = deleted;
        rightItem.keep = keep;
        right = rightItem;
        if (rightItem.right != null) {
            rightItem.right.left = rightItem;
        }
        transaction.queueMerge(rightItem);
        if (rightItem.parentSub != null && rightItem.right == null) {
            parent.map.put(rightItem.parentSub, rightItem);
        }
        length = diff;
        return rightItem;
    }

    /**
     * The client whose missing structs this item waits for, or null once everything it refers to is known. In
     * the latter case the neighbours are looked up (splitting items so they end/start exactly there) and the
     * parent is resolved.
     */
    public Integer missingDependency(Transaction transaction, StructStore store) {
        if (origin != null && origin.client != client && origin.clock >= store.state(origin.client)) {
            return origin.client;
        }
        if (rightOrigin != null && rightOrigin.client != client && rightOrigin.clock >= store.state(rightOrigin.client)) {
            return rightOrigin.client;
        }
        if (parentId != null && parentId.client != client && parentId.clock >= store.state(parentId.client)) {
            return parentId.client;
        }
        Struct leftStruct = null;
        Struct rightStruct = null;
        // the IDs are replaced only when the struct found does not end (start) exactly there: a GC struct
        if (origin != null) {
            leftStruct = store.findCleanEnd(transaction, origin);
            if (!leftStruct.endsAt(origin)) {
                origin = new Id(leftStruct.client, leftStruct.clock + leftStruct.length - 1);
            }
        }
        if (rightOrigin != null) {
            rightStruct = store.findCleanStart(transaction, rightOrigin);
            if (rightStruct.clock != rightOrigin.clock) {
                rightOrigin = rightStruct.id();
            }
        }
        left = leftStruct instanceof Item l ? l : null;
        right = rightStruct instanceof Item r ? r : null;
        if (leftStruct instanceof GcStruct || rightStruct instanceof GcStruct) {
            collectOnIntegrate = true;
        } else if (parentName == null && parentId == null) {
            Item neighbour = left != null ? left : right;
            if (neighbour != null) {
                parent = neighbour.parent;
                parentSub = neighbour.parentSub;
            }
        } else if (parentId != null) {
            Struct parentStruct = store.find(parentId);
            if (parentStruct instanceof Item parentItem && parentItem.content instanceof ContentType type) {
                parent = type.type();
            } else {
                collectOnIntegrate = true; // the parent was garbage-collected (or is not a type at all)
            }
        } else {
            parent = transaction.doc().rootForUpdate(parentName, parentSub != null);
        }
        return null;
    }

    /** Links this item into its parent (resolving concurrent inserts) and adds it to the store. */
    public void integrate(Transaction transaction, int offset) {
        StructStore store = transaction.doc().store();
        if (offset > 0) {
            clock += offset;
            Struct leftStruct = store.findCleanEnd(transaction, new Id(client, clock - 1));
            if (leftStruct instanceof Item l && l.parent == parent && Objects.equals(l.parentSub, parentSub)) {
                left = l;
                origin = l.lastId();
            } else {
                // The known first part is collected, or (only with conflicting input, which Yjs would link into
                // two lists at once) lives in another list: keep the clocks, drop the content.
                collectOnIntegrate = true;
            }
            content = content.splice(offset);
            length -= offset;
        }
        if (parent != null && content instanceof ContentType && parent.depth() >= SharedType.MAX_NESTING) {
            collectOnIntegrate = true;
        }
        if (parent == null || collectOnIntegrate) {
            store.add(new GcStruct(client, clock, length));
            return;
        }
        if (parentSub == null && !transaction.isLocal()) {
            parent.clearSearchMarkers(); // remote inserts do not shift markers; local edits do it themselves
        }
        if ((left == null && (right == null || right.left != null)) || (left != null && left.right != right)) {
            left = resolveConflict(store);
        }
        if (left != null) {
            right = left.right;
            left.right = this;
        } else if (parentSub != null) {
            right = chainStart(parent.map.get(parentSub));
        } else {
            right = parent.start;
            parent.start = this;
        }
        if (right != null) {
            right.left = this;
        } else if (parentSub != null) {
            parent.map.put(parentSub, this);
            if (left != null) {
                left.delete(transaction); // the previous value of this key is overwritten
            }
        }
        if (parentSub == null && countable() && !deleted) {
            parent.length += length;
        }
        store.add(this);
        content.integrate(transaction, this);
        transaction.addChangedType(parent, parentSub);
        if ((parent.item != null && parent.item.deleted) || (parentSub != null && right != null)) {
            delete(transaction); // inserted into a deleted type, or lost against a newer value of the key
        }
    }

    private static Item chainStart(Item item) {
        Item first = item;
        while (first != null && first.left != null) {
            first = first.left;
        }
        return first;
    }

    /**
     * YATA: among the items between {@code left} and {@code right} that were inserted concurrently, decide which
     * ones go before this item. Same left origin: lower client first (ties on both origins: this item first).
     * An item whose origin lies inside the scanned region follows its origin.
     */
    private Item resolveConflict(StructStore store) {
        Item chosen = left;
        Item cursor;
        if (left != null) {
            cursor = left.right;
        } else if (parentSub != null) {
            cursor = chainStart(parent.map.get(parentSub));
        } else {
            cursor = parent.start;
        }
        if (cursor == null || cursor == right) {
            return chosen; // nothing concurrent: the usual case for a new map key, with no sets to make
        }
        Set<Struct> passed = new HashSet<>();
        Set<Struct> undecided = new HashSet<>();
        while (cursor != null && cursor != right) {
            passed.add(cursor);
            undecided.add(cursor);
            if (Id.same(origin, cursor.origin)) {
                if (Integer.compareUnsigned(cursor.client, client) < 0) {
                    chosen = cursor;
                    undecided.clear();
                } else if (Id.same(rightOrigin, cursor.rightOrigin)) {
                    break;
                }
            } else if (cursor.origin != null && passed.contains(store.find(cursor.origin))) {
                if (!undecided.contains(store.find(cursor.origin))) {
                    chosen = cursor;
                    undecided.clear();
                }
            } else {
                break;
            }
            cursor = cursor.right;
        }
        return chosen;
    }

    public void delete(Transaction transaction) {
        if (deleted) {
            return;
        }
        if (parentSub == null) {
            if (!transaction.isLocal()) {
                parent.clearSearchMarkers();
            }
            if (countable()) {
                parent.length -= length;
            }
        }
        deleted = true;
        transaction.deleteSet().add(client, clock, length);
        transaction.addChangedType(parent, parentSub);
        content.delete(transaction);
    }

    /**
     * Forgets deleted content. Children of a collected type become GC structs; anything else keeps its position
     * (later inserts may refer to it) with its content replaced by a length.
     */
    public void gc(StructStore store, boolean parentCollected) {
        if (!deleted) {
            throw new IllegalStateException("Only deleted items can be garbage-collected: " + this);
        }
        content.gc(store);
        if (parentCollected) {
            store.replace(this, new GcStruct(client, clock, length));
        } else if (!(content instanceof ContentDeleted)) { // deleted content arrives as such: nothing to forget
            content = new ContentDeleted(length);
        }
    }

    @Override
    public boolean mergeWith(Struct rightStruct) {
        if (rightStruct instanceof Item r && r.origin != null && endsAt(r.origin) && right == r
                && Id.same(rightOrigin, r.rightOrigin) && client == r.client && clock + length == r.clock
                && deleted == r.deleted && content.getClass() == r.content.getClass()
                && content.mergeWith(r.content)) {
            keep |= r.keep;
            if (parentSub == null) {
                parent.itemMerged(this, r);
            }
            right = r.right;
            if (right != null) {
                right.left = this;
            }
            length += r.length;
            return true;
        }
        return false;
    }

    @Override
    public void write(Lib0Writer writer, int offset) {
        Id writtenOrigin = offset > 0 ? new Id(client, clock + offset - 1) : origin;
        int info = (content.ref() & 0x1F) | (writtenOrigin == null ? 0 : 0x80) | (rightOrigin == null ? 0 : 0x40)
                | (parentSub == null ? 0 : 0x20);
        writer.writeUint8(info);
        if (writtenOrigin != null) {
            writeId(writer, writtenOrigin);
        }
        if (rightOrigin != null) {
            writeId(writer, rightOrigin);
        }
        if (writtenOrigin == null && rightOrigin == null) {
            if (parent != null) {
                if (parent.item == null) {
                    writer.writeVarUint(1);
                    writer.writeVarString(parent.rootName());
                } else {
                    writer.writeVarUint(0);
                    writeId(writer, parent.item.id());
                }
            } else if (parentName != null) {
                writer.writeVarUint(1);
                writer.writeVarString(parentName);
            } else {
                writer.writeVarUint(0);
                writeId(writer, parentId);
            }
            if (parentSub != null) {
                writer.writeVarString(parentSub);
            }
        }
        content.write(writer, offset);
    }

    private static void writeId(Lib0Writer writer, Id id) {
        writer.writeVarUint(id.client);
        writer.writeVarUint(id.clock);
    }

    @Override
    public Struct sliceFrom(int offset) {
        Item slice = new Item(client, clock + offset, new Id(client, clock + offset - 1), rightOrigin,
                content.copy().splice(offset));
        slice.parent = parent;
        slice.parentName = parentName;
        slice.parentId = parentId;
        slice.parentSub = parentSub;
        return slice;
    }
}
