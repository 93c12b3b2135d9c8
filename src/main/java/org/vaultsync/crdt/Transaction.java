package org.vaultsync.crdt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.crdt.structs.Item;
import org.vaultsync.crdt.types.SharedType;
import org.vaultsync.crdt.types.YEvent;

/**
 * One batch of changes to a document. It records what observers and the update event need: the state before and
 * after, the IDs deleted, the types (and map keys) changed, and the split points to re-merge at the end.
 */
public final class Transaction {
    private final Doc doc;
    private final Object origin;
    private boolean local;
    private final StateVector beforeState;
    private StateVector afterState;
    /** Made at the first deletion: most typing transactions only insert (see {@link #deletions}). */
    private DeleteSet deleteSet;
    /** Sized for the usual one or two types a transaction changes (TeaVM makes the table at once). */
    private final Map<SharedType, Set<String>> changed = new LinkedHashMap<>(4);
    /** Built only when some type of the document is observed (see {@code TransactionCleanup}). */
    private Map<SharedType, List<YEvent>> changedParentTypes;
    /** Made at the first split point queued; null while there is none. */
    private List<Item> mergeQueue;
    private boolean needFormattingCleanup;

    Transaction(Doc doc, Object origin, boolean local) {
        this.doc = doc;
        this.origin = origin;
        this.local = local;
        this.beforeState = doc.store().stateVector();
    }

    public Doc doc() {
        return doc;
    }

    /** What the caller passed to {@code transact} or {@code applyUpdate} (null if nothing). */
    public Object origin() {
        return origin;
    }

    /** True for changes made through this replica's API, false for applied updates. */
    public boolean isLocal() {
        return local;
    }

    void markRemote() {
        local = false;
    }

    public StateVector beforeState() {
        return beforeState;
    }

    /** The state after the transaction; null until the transaction is being cleaned up. */
    public StateVector afterState() {
        return afterState;
    }

    void setAfterState(StateVector state) {
        afterState = state;
    }

    /** The IDs deleted so far (made on first use; {@link #deletions} does not make it). */
    public DeleteSet deleteSet() {
        if (deleteSet == null) {
            deleteSet = new DeleteSet();
        }
        return deleteSet;
    }

    /** The IDs deleted, or null if nothing was deleted (and nobody asked for the set). */
    DeleteSet deletions() {
        return deleteSet;
    }

    public void queueMerge(Item item) {
        if (mergeQueue == null) {
            mergeQueue = new ArrayList<>();
        }
        mergeQueue.add(item);
    }

    /** The split points to re-merge, or null if none was queued. */
    List<Item> mergeQueue() {
        return mergeQueue;
    }

    Map<SharedType, Set<String>> changed() {
        return changed;
    }

    Map<SharedType, List<YEvent>> changedParentTypes() {
        if (changedParentTypes == null) {
            changedParentTypes = new LinkedHashMap<>();
        }
        return changedParentTypes;
    }

    /**
     * Records a change of {@code type} ({@code key} = map key, null = list part). Changes inside a type that was
     * created in this transaction, or is deleted, are not reported: the type's own insertion covers them.
     */
    public void addChangedType(SharedType type, String key) {
        Item item = type.item;
        if (item == null || (item.clock < beforeState.get(item.client) && !item.isDeleted())) {
            Set<String> keys = changed.get(type); // once per item integrated or deleted: no lambda made per call
            if (keys == null || keys == doc.listPartOnly) {
                if (key == null) {
                    changed.put(type, doc.listPartOnly);
                    return;
                }
                boolean listPartToo = keys != null;
                keys = new LinkedHashSet<>();
                if (listPartToo) {
                    keys.add(null); // first, as if the set had been this type's own from the start
                }
                changed.put(type, keys);
            }
            keys.add(key);
        }
    }

    /** A remote change reached formatted text: redundant formatting markers are cleaned up after the observers. */
    public void requestFormattingCleanup() {
        needFormattingCleanup = true;
    }

    boolean needsFormattingCleanup() {
        return needFormattingCleanup;
    }

    public void forgetChanges(SharedType type) {
        changed.remove(type);
    }
}
