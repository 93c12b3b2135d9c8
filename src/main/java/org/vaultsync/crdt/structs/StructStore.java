package org.vaultsync.crdt.structs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.id.ClientIndex;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.Id;
import org.vaultsync.crdt.id.StateVector;

/**
 * Every struct of a document, per client, sorted by clock and gap-free from clock 0: the client's state is the
 * end of its last struct. Lookups by clock are binary searches.
 */
public final class StructStore {
    /** The clients in the order their first struct arrived, with their lists at the same positions. */
    private final ClientIndex clients = new ClientIndex();
    private final List<StructList> lists = new ArrayList<>();

    /** The clients (a copy), in the order their first struct arrived. */
    public Set<Integer> clients() {
        return clients.toSet();
    }

    public int clientCount() {
        return clients.size();
    }

    /** The client at {@code position} (0 ... clientCount - 1, in the order their first struct arrived). */
    public int clientAt(int position) {
        return clients.clientAt(position);
    }

    /** The structs of a client (empty if unknown); the list is the store's own, callers may splice it. */
    public StructList structs(int client) {
        int i = clients.indexOf(client);
        return i < 0 ? new StructList() : lists.get(i);
    }

    /** The structs of the client at {@code position}. */
    public StructList structsAt(int position) {
        return lists.get(position);
    }

    public int state(int client) {
        int i = clients.indexOf(client);
        return i < 0 ? 0 : stateAt(i);
    }

    /** The state of the client at {@code position}. */
    public int stateAt(int position) {
        List<Struct> structs = lists.get(position);
        if (structs.isEmpty()) {
            return 0;
        }
        Struct last = structs.get(structs.size() - 1);
        return last.clock + last.length;
    }

    public StateVector stateVector() {
        StateVector sv = new StateVector();
        for (int i = 0; i < clients.size(); i++) {
            sv.set(clients.clientAt(i), stateAt(i));
        }
        return sv;
    }

    public void add(Struct struct) {
        int position = clients.indexOf(struct.client);
        if (position < 0) {
            position = clients.add(struct.client);
            lists.add(new StructList());
        }
        List<Struct> structs = lists.get(position);
        if (!structs.isEmpty()) {
            Struct last = structs.get(structs.size() - 1);
            if (last.clock + last.length != struct.clock) {
                throw new IllegalStateException("Struct " + struct + " does not continue " + last);
            }
        } else if (struct.clock != 0) {
            throw new IllegalStateException("First struct of a client must start at clock 0: " + struct);
        }
        structs.add(struct);
    }

    /** Index of the struct containing {@code clock}; the clock must be below the client's state. */
    public static int findIndex(List<Struct> structs, int clock) {
        int low = 0;
        int high = structs.size() - 1;
        // First look where the clock would be if all structs were equally long (Yjs pivots the same way): exact
        // for a client's one-unit structs (map values, array inserts, deleted runs), close for most others.
        int mid = high;
        if (high > 0) {
            Struct last = structs.get(high);
            int end = last.clock + last.length;
            if (clock < end) {
                mid = Math.min(high, (int) ((double) clock * (high + 1) / end));
            }
        }
        while (low <= high) {
            Struct struct = structs.get(mid);
            if (clock < struct.clock) {
                high = mid - 1;
            } else if (clock >= struct.clock + struct.length) {
                low = mid + 1;
            } else {
                return mid;
            }
            mid = (low + high) >>> 1;
        }
        throw new IllegalStateException("No struct contains clock " + clock);
    }

    public Struct find(Id id) {
        List<Struct> structs = structs(id.client);
        return structs.get(findIndex(structs, id.clock));
    }

    public Struct find(int client, int clock) {
        List<Struct> structs = structs(client);
        return structs.get(findIndex(structs, clock));
    }

    /** Splits the item containing {@code clock} so that a struct starts there; returns that struct's index. */
    public int findIndexCleanStart(Transaction transaction, List<Struct> structs, int clock) {
        int index = findIndex(structs, clock);
        Struct struct = structs.get(index);
        if (struct.clock < clock && struct instanceof Item item) {
            structs.add(index + 1, item.split(transaction, clock - item.clock));
            return index + 1;
        }
        return index;
    }

    /** The struct starting at {@code id}, splitting an item if needed (GC structs are returned whole). */
    public Struct findCleanStart(Transaction transaction, Id id) {
        List<Struct> structs = structs(id.client);
        return structs.get(findIndexCleanStart(transaction, structs, id.clock));
    }

    /** The struct ending at {@code id}, splitting an item if needed (GC structs are returned whole). */
    public Struct findCleanEnd(Transaction transaction, Id id) {
        List<Struct> structs = structs(id.client);
        int index = findIndex(structs, id.clock);
        Struct struct = structs.get(index);
        if (id.clock != struct.clock + struct.length - 1 && struct instanceof Item item) {
            structs.add(index + 1, item.split(transaction, id.clock - item.clock + 1));
        }
        return struct;
    }

    public void replace(Struct old, Struct replacement) {
        List<Struct> structs = structs(old.client);
        structs.set(findIndex(structs, old.clock), replacement);
    }

    /** The whole document's delete set: every maximal run of deleted structs per client. */
    public DeleteSet deleteSet() {
        DeleteSet ds = new DeleteSet();
        for (int c = 0; c < clients.size(); c++) {
            List<Struct> structs = lists.get(c);
            for (int i = 0; i < structs.size(); i++) {
                Struct struct = structs.get(i);
                if (struct.isDeleted()) {
                    int clock = struct.clock;
                    int length = struct.length;
                    while (i + 1 < structs.size() && structs.get(i + 1).isDeleted()) {
                        length += structs.get(++i).length;
                    }
                    ds.add(clients.clientAt(c), clock, length);
                }
            }
        }
        return ds;
    }
}
