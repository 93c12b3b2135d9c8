package org.vaultsync.crdt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.IdRange;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.crdt.structs.Item;
import org.vaultsync.crdt.structs.Struct;
import org.vaultsync.crdt.structs.StructList;
import org.vaultsync.crdt.structs.StructStore;
import org.vaultsync.crdt.types.SharedType;
import org.vaultsync.crdt.types.TextFormatting;
import org.vaultsync.crdt.types.YEvent;

/**
 * Finishes transactions in Yjs's order: observers, deep observers, then (even if an observer threw) garbage
 * collection, merging of adjacent structs, the client-ID collision check and finally the update event. Merging
 * changes later encodings, so the triggers below follow Yjs exactly.
 */
final class TransactionCleanup {
    private TransactionCleanup() {
    }

    static void run(Doc doc, List<Transaction> cleanups) {
        RuntimeException failure = null;
        for (int i = 0; i < cleanups.size(); i++) {
            try {
                cleanup(doc, cleanups.get(i));
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        cleanups.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static void cleanup(Doc doc, Transaction transaction) {
        StructStore store = doc.store();
        DeleteSet ds = transaction.deletions(); // null: nothing deleted (typing), nothing to collect or merge
        RuntimeException failure = null;
        try {
            if (ds != null) {
                ds.sortAndMerge();
            }
            transaction.setAfterState(store.stateVector());
            failure = callObservers(transaction);
        } finally {
            if (ds != null) { // (made later, by an observer asking, it would be empty)
                if (doc.gcEnabled()) {
                    collectGarbage(ds, store);
                }
                mergeDeleted(ds, store);
            }
            mergeNewStructs(transaction, store);
            mergeSplitPoints(transaction, store);
            int own = doc.clientId();
            if (!transaction.isLocal() && transaction.afterState().get(own) != transaction.beforeState().get(own)) {
                doc.pickNewClientId(); // someone else used our ID: keep ours unique from now on
            }
            doc.emitUpdate(transaction);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException callObservers(Transaction transaction) {
        RuntimeException failure = null;
        if (!transaction.doc().observed()) {
            // nobody observes any type of this document: only what the changed types do before their events
            for (SharedType type : transaction.changed().keySet()) {
                if (!type.isDeleted()) {
                    type.beforeObservers(transaction);
                }
            }
            return formattingCleanup(transaction, null);
        }
        for (Map.Entry<SharedType, Set<String>> entry : new ArrayList<>(transaction.changed().entrySet())) {
            SharedType type = entry.getKey();
            if (type.isDeleted()) {
                continue;
            }
            type.beforeObservers(transaction);
            YEvent event = type.createEvent(transaction, entry.getValue());
            for (SharedType t = type; t != null; t = t.item == null ? null : t.item.parent) {
                transaction.changedParentTypes().computeIfAbsent(t, k -> new ArrayList<>()).add(event);
                if (t.item == null) {
                    break;
                }
            }
            try {
                type.callObservers(event);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        for (Map.Entry<SharedType, List<YEvent>> entry : transaction.changedParentTypes().entrySet()) {
            SharedType type = entry.getKey();
            if (!type.hasDeepObservers() || type.isDeleted()) {
                continue;
            }
            ArrayList<YEvent> events = new ArrayList<>(); // ArrayList.sort, not List's (see DeleteSet)
            for (YEvent event : entry.getValue()) {
                if (!event.target().isDeleted()) {
                    event.setCurrentTarget(type);
                    events.add(event);
                }
            }
            events.sort((a, b) -> Integer.compare(a.path().size(), b.path().size()));
            try {
                type.callDeepObservers(events);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        return formattingCleanup(transaction, failure);
    }

    private static RuntimeException formattingCleanup(Transaction transaction, RuntimeException failure) {
        if (transaction.needsFormattingCleanup()) {
            try {
                TextFormatting.afterTransaction(transaction); // runs as a transaction of its own, next in line
            } catch (RuntimeException e) {
                return failure == null ? e : failure;
            }
        }
        return failure;
    }

    private static void collectGarbage(DeleteSet ds, StructStore store) {
        for (int c = 0; c < ds.clientCount(); c++) {
            StructList structs = store.structs(ds.clientAt(c));
            List<IdRange> ranges = ds.rangesAt(c);
            for (int r = ranges.size() - 1; r >= 0; r--) {
                IdRange range = ranges.get(r);
                int end = range.clock + range.length;
                for (int si = StructStore.findIndex(structs, range.clock); si < structs.size(); si++) {
                    Struct struct = structs.get(si);
                    if (struct.clock >= end) {
                        break;
                    }
                    if (struct instanceof Item item && item.isDeleted() && !item.keep) {
                        item.gc(store, false);
                    }
                }
            }
        }
    }

    private static void mergeDeleted(DeleteSet ds, StructStore store) {
        for (int c = 0; c < ds.clientCount(); c++) {
            StructList structs = store.structs(ds.clientAt(c));
            List<IdRange> ranges = ds.rangesAt(c);
            for (int r = ranges.size() - 1; r >= 0; r--) {
                IdRange range = ranges.get(r);
                // start with the struct right of the range, so it can merge into the range's last struct
                int si = Math.min(structs.size() - 1, 1 + StructStore.findIndex(structs, range.clock + range.length - 1));
                while (si > 0 && structs.get(si).clock >= range.clock) {
                    si -= 1 + mergeWithLefts(structs, si);
                }
            }
        }
    }

    private static void mergeNewStructs(Transaction transaction, StructStore store) {
        StateVector after = transaction.afterState();
        for (int c = 0; c < after.size(); c++) {
            int client = after.clientAt(c);
            int before = transaction.beforeState().get(client);
            if (before != after.clockAt(c)) {
                StructList structs = store.structs(client);
                int firstChange = Math.max(StructStore.findIndex(structs, before), 1);
                for (int i = structs.size() - 1; i >= firstChange;) {
                    i -= 1 + mergeWithLefts(structs, i);
                }
            }
        }
    }

    private static void mergeSplitPoints(Transaction transaction, StructStore store) {
        List<Item> queue = transaction.mergeQueue();
        if (queue == null) {
            return;
        }
        for (int i = queue.size() - 1; i >= 0; i--) {
            Item item = queue.get(i);
            StructList structs = store.structs(item.client);
            int pos = StructStore.findIndex(structs, item.clock);
            if (pos + 1 < structs.size() && mergeWithLefts(structs, pos + 1) > 1) {
                continue; // both neighbours already merged
            }
            if (pos > 0) {
                mergeWithLefts(structs, pos);
            }
        }
    }

    /** Merges {@code structs[pos]} into its left neighbours as far as possible; returns how many were absorbed. */
    private static int mergeWithLefts(StructList structs, int pos) {
        int i = pos;
        for (; i > 0; i--) {
            Struct left = structs.get(i - 1);
            Struct right = structs.get(i);
            if (left.isDeleted() == right.isDeleted() && left.getClass() == right.getClass() && left.mergeWith(right)) {
                if (right instanceof Item r && r.parentSub != null && r.parent.map.get(r.parentSub) == r) {
                    r.parent.map.put(r.parentSub, (Item) left);
                }
                continue;
            }
            break;
        }
        int merged = pos - i;
        if (merged > 0) {
            structs.removeRange(pos + 1 - merged, pos + 1);
        }
        return merged;
    }
}
