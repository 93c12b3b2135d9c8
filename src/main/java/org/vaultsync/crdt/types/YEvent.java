package org.vaultsync.crdt.types;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.structs.Item;
import org.vaultsync.crdt.structs.Struct;

/**
 * What one transaction changed in one shared type: the changed map keys with their old values and the list delta.
 * Both are computed on first access from the transaction's state, so read them inside the observer callback.
 */
public class YEvent {
    private final SharedType target;
    private SharedType currentTarget;
    private final Transaction transaction;
    private final Set<String> changedSubs;
    private Map<String, KeyChange> keys;
    private List<DeltaOp> delta;

    public YEvent(SharedType target, Transaction transaction, Set<String> changedSubs) {
        this.target = target;
        this.currentTarget = target;
        this.transaction = transaction;
        this.changedSubs = changedSubs;
    }

    public SharedType target() {
        return target;
    }

    /** The type whose observer is being called (differs from {@link #target} for deep observers). */
    public SharedType currentTarget() {
        return currentTarget;
    }

    public void setCurrentTarget(SharedType type) {
        this.currentTarget = type;
    }

    public Transaction transaction() {
        return transaction;
    }

    /** Map keys touched by the transaction (including ones whose visible value did not change). */
    public Set<String> keysChanged() {
        Set<String> keysOnly = new LinkedHashSet<>(changedSubs);
        keysOnly.remove(null);
        return Collections.unmodifiableSet(keysOnly);
    }

    /** Keys from {@link #currentTarget} down to {@link #target}: map keys and list indices. */
    public List<Object> path() {
        List<Object> path = new ArrayList<>();
        SharedType child = target;
        while (child.item != null && child != currentTarget) {
            Item holder = child.item;
            if (holder.parentSub != null) {
                path.add(0, holder.parentSub);
            } else {
                int index = 0;
                for (Item c = holder.parent.start; c != holder && c != null; c = c.right) {
                    if (!c.isDeleted() && c.countable()) {
                        index += c.length;
                    }
                }
                path.add(0, index);
            }
            child = holder.parent;
        }
        return path;
    }

    public boolean adds(Struct struct) {
        return struct.clock >= transaction.beforeState().get(struct.client);
    }

    public boolean deletes(Struct struct) {
        return transaction.deleteSet().contains(struct.client, struct.clock);
    }

    /** Per changed key: added, updated (with the old value) or deleted (with the old value). */
    public Map<String, KeyChange> keys() {
        if (keys != null) {
            return keys;
        }
        Map<String, KeyChange> result = new LinkedHashMap<>();
        for (String key : changedSubs) {
            if (key == null) {
                continue;
            }
            Item item = target.map.get(key);
            if (item == null) {
                continue;
            }
            if (adds(item)) {
                Item prev = item.left;
                while (prev != null && adds(prev)) {
                    prev = prev.left;
                }
                boolean prevDeleted = prev != null && deletes(prev);
                if (deletes(item)) {
                    if (prevDeleted) {
                        result.put(key, new KeyChange(KeyChange.Action.DELETE, prev.lastValue()));
                    }
                } else if (prevDeleted) {
                    result.put(key, new KeyChange(KeyChange.Action.UPDATE, prev.lastValue()));
                } else {
                    result.put(key, new KeyChange(KeyChange.Action.ADD, null));
                }
            } else if (deletes(item)) {
                result.put(key, new KeyChange(KeyChange.Action.DELETE, item.lastValue()));
            }
        }
        keys = Collections.unmodifiableMap(result);
        return keys;
    }

    /** The list change as retain / insert / delete runs (empty if the list part was not touched). */
    public List<DeltaOp> delta() {
        if (delta != null) {
            return delta;
        }
        List<DeltaOp> ops = new ArrayList<>();
        if (changedSubs.contains(null)) {
            DeltaOp.Kind kind = null;
            int count = 0;
            List<Object> inserted = null;
            for (Item item = target.start; item != null; item = item.right) {
                DeltaOp.Kind next;
                if (item.isDeleted()) {
                    if (!deletes(item) || adds(item)) {
                        continue;
                    }
                    next = DeltaOp.Kind.DELETE;
                } else {
                    next = adds(item) ? DeltaOp.Kind.INSERT : DeltaOp.Kind.RETAIN;
                }
                if (next != kind) {
                    pack(ops, kind, count, inserted);
                    kind = next;
                    count = 0;
                    inserted = next == DeltaOp.Kind.INSERT ? new ArrayList<>() : null;
                }
                if (next == DeltaOp.Kind.INSERT) {
                    inserted.addAll(item.content.values());
                } else {
                    count += item.length;
                }
            }
            if (kind != DeltaOp.Kind.RETAIN) {
                pack(ops, kind, count, inserted);
            }
        }
        delta = Collections.unmodifiableList(ops);
        return delta;
    }

    private static void pack(List<DeltaOp> ops, DeltaOp.Kind kind, int count, List<Object> inserted) {
        if (kind == DeltaOp.Kind.INSERT) {
            ops.add(DeltaOp.insert(Collections.unmodifiableList(inserted)));
        } else if (kind == DeltaOp.Kind.DELETE) {
            ops.add(DeltaOp.delete(count));
        } else if (kind == DeltaOp.Kind.RETAIN) {
            ops.add(DeltaOp.retain(count));
        }
    }
}
