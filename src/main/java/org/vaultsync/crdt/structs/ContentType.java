package org.vaultsync.crdt.structs;

import java.util.Collections;
import java.util.List;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.types.SharedType;

/** A nested shared type (map, array, text, XML). Its children are separate items whose parent is this type. */
public final class ContentType extends SingleUnitContent {
    public static final int REF = 7;
    private final SharedType type;

    public ContentType(SharedType type) {
        this.type = type;
    }

    public SharedType type() {
        return type;
    }

    @Override
    public int ref() {
        return REF;
    }

    @Override
    public List<Object> values() {
        return Collections.singletonList(type);
    }

    @Override
    public void write(Lib0Writer writer, int offset) {
        type.writeTypeRef(writer);
    }

    @Override
    public Content copy() {
        return new ContentType(type.copyEmpty());
    }

    @Override
    public void integrate(Transaction transaction, Item item) {
        type.integrate(transaction.doc(), item);
    }

    /** Deleting a type deletes every visible child; already deleted older children are queued for merging. */
    @Override
    public void delete(Transaction transaction) {
        for (Item child = type.start; child != null; child = child.right) {
            deleteChild(transaction, child);
        }
        for (Item child : type.map.values()) {
            deleteChild(transaction, child);
        }
        transaction.forgetChanges(type);
        type.clearSearchMarkers();
    }

    private static void deleteChild(Transaction transaction, Item child) {
        if (!child.isDeleted()) {
            child.delete(transaction);
        } else if (child.clock < transaction.beforeState().get(child.client)) {
            transaction.queueMerge(child);
        }
    }

    /** Collects every child (list items and every value ever set under every key) as GC structs. */
    @Override
    public void gc(StructStore store) {
        for (Item child = type.start; child != null; child = child.right) {
            child.gc(store, true);
        }
        type.start = null;
        type.clearSearchMarkers();
        for (Item chainEnd : type.map.values()) {
            for (Item child = chainEnd; child != null; child = child.left) {
                child.gc(store, true);
            }
        }
        type.map.clear();
    }
}
