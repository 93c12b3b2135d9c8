package org.vaultsync.crdt.update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.common.ListRanges;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.id.ClientOrder;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.IdRange;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.crdt.structs.Item;
import org.vaultsync.crdt.structs.SkipStruct;
import org.vaultsync.crdt.structs.Struct;
import org.vaultsync.crdt.structs.StructStore;

/**
 * Integrates a decoded update into a document (Yjs's readUpdate): structs in dependency order, highest client
 * first; what cannot be integrated yet becomes pending; then the delete set, whose unknown part becomes pending
 * too; and if the update filled a gap that pending structs waited for, those are applied in the same transaction.
 */
public final class UpdateApplier {
    private UpdateApplier() {
    }

    /** A decoded update ready for {@link #apply}: per client the last block of that client (as Yjs keeps it). */
    public static final class DecodedForApply {
        final Map<Integer, List<Struct>> clients;
        final DeleteSet deleteSet;

        DecodedForApply(Map<Integer, List<Struct>> clients, DeleteSet deleteSet) {
            this.clients = clients;
            this.deleteSet = deleteSet;
        }

        /** The update's delete set as read (applying it does not change it). */
        public DeleteSet deleteSet() {
            return deleteSet;
        }
    }

    public static DecodedForApply decode(byte[] update) throws InvalidUpdateException {
        try {
            DecodedUpdate decoded = UpdateDecoder.decode(update);
            Map<Integer, List<Struct>> clients = new LinkedHashMap<>();
            for (DecodedUpdate.ClientBlock block : decoded.blocks()) {
                clients.put(block.client(), block.structs());
            }
            return new DecodedForApply(clients, decoded.deleteSet());
        } catch (DecodingException e) {
            throw new InvalidUpdateException("Invalid update: " + e.getMessage(), e);
        }
    }

    public static StateVector decodeStateVector(byte[] encoded) throws InvalidUpdateException {
        try {
            return StateVector.read(new Lib0Reader(encoded));
        } catch (DecodingException e) {
            throw new InvalidUpdateException("Invalid state vector: " + e.getMessage(), e);
        }
    }

    public static void apply(Transaction transaction, DecodedForApply update) {
        StructStore store = transaction.doc().store();
        PendingUpdates pending = transaction.doc().pending();
        boolean retry = false;
        Rest rest = integrateStructs(transaction, store, update.clients);
        if (pending.structs != null) {
            for (Map.Entry<Integer, Integer> missing : pending.missing.entrySet()) {
                if (missing.getValue() < store.state(missing.getKey())) {
                    retry = true;
                    break;
                }
            }
            if (rest != null) {
                for (Map.Entry<Integer, Integer> missing : rest.missing.entrySet()) {
                    pending.missing.merge(missing.getKey(), missing.getValue(), Math::min);
                }
                pending.structs = mergeOwn(List.of(pending.structs, rest.update));
            }
        } else if (rest != null) {
            pending.structs = rest.update;
            pending.missing.clear();
            pending.missing.putAll(rest.missing);
        }
        byte[] dsRest = applyDeleteSet(transaction, store, update.deleteSet);
        if (pending.deleteSet != null) {
            byte[] dsRest2 = applyDeleteSet(transaction, store, decodeOwn(pending.deleteSet).deleteSet);
            pending.deleteSet = dsRest != null && dsRest2 != null ? mergeOwn(List.of(dsRest, dsRest2))
                    : dsRest != null ? dsRest : dsRest2;
        } else {
            pending.deleteSet = dsRest;
        }
        if (retry) {
            byte[] waiting = pending.structs;
            pending.structs = null;
            pending.missing.clear();
            apply(transaction, decodeOwn(waiting));
        }
    }

    private static DecodedForApply decodeOwn(byte[] update) {
        try {
            return decode(update);
        } catch (InvalidUpdateException e) {
            throw new IllegalStateException("Pending data of the document cannot be read back", e);
        }
    }

    private static byte[] mergeOwn(List<byte[]> updates) {
        try {
            return UpdateMerger.merge(updates);
        } catch (DecodingException e) {
            throw new IllegalStateException("Pending data of the document cannot be read back", e);
        }
    }

    /** Structs that could not be integrated, encoded as an update, and the lowest clock each client lacks. */
    private static final class Rest {
        final byte[] update;
        final Map<Integer, Integer> missing;

        Rest(byte[] update, Map<Integer, Integer> missing) {
            this.update = update;
            this.missing = missing;
        }
    }

    /** The structs of one client still to be processed. */
    private static final class ClientRefs {
        List<Struct> refs;
        int next;

        ClientRefs(List<Struct> refs) {
            this.refs = refs;
        }

        boolean exhausted() {
            return next == refs.size();
        }
    }

    private static Rest integrateStructs(Transaction transaction, StructStore store, Map<Integer, List<Struct>> update) {
        Map<Integer, ClientRefs> refs = new HashMap<>();
        for (Map.Entry<Integer, List<Struct>> entry : update.entrySet()) {
            refs.put(entry.getKey(), new ClientRefs(entry.getValue()));
        }
        List<Integer> order = ClientOrder.ascending(refs.keySet()); // processed from the end: highest client first
        ClientRefs current = nextTarget(order, refs);
        if (current == null) {
            return null;
        }
        Map<Integer, List<Struct>> rest = new LinkedHashMap<>();
        Map<Integer, Integer> missingSv = new HashMap<>();
        Map<Integer, Integer> state = new HashMap<>();
        List<Struct> stack = new ArrayList<>();
        Struct head = current.refs.get(current.next++);
        while (true) {
            if (!(head instanceof SkipStruct)) {
                int client = head.client;
                Integer cached = state.get(client);
                int localClock = cached != null ? cached : store.state(client);
                state.put(client, localClock);
                int offset = localClock - head.clock;
                if (offset < 0) {
                    stack.add(head); // an earlier struct of the same client is missing
                    missingSv.merge(client, head.clock - 1, Math::min);
                    moveStackToRest(stack, refs, order, rest);
                } else if (offset >= head.length) {
                    // Already known (a duplicate): skipped before its dependencies are resolved. Yjs resolves them
                    // first, which for causally consistent input finds nothing missing and changes nothing, but
                    // for a duplicate whose dependency is unknown it would queue the duplicate, and resolving
                    // rewrites the origin to the end of the struct that holds it: inside a garbage-collected run
                    // of the item's own client that is the item itself, which no decoder may accept back.
                } else {
                    Integer missing = head instanceof Item item ? item.missingDependency(transaction, store) : null;
                    if (missing != null) {
                        stack.add(head);
                        ClientRefs missingRefs = refs.get(missing);
                        if (missingRefs == null || missingRefs.exhausted()) {
                            missingSv.merge(missing, store.state(missing), Math::min);
                            moveStackToRest(stack, refs, order, rest);
                        } else {
                            head = missingRefs.refs.get(missingRefs.next++); // resolve the dependency first
                            continue;
                        }
                    } else {
                        integrate(transaction, store, head, offset);
                        state.put(client, head.clock + head.length);
                    }
                }
            }
            if (!stack.isEmpty()) {
                head = stack.remove(stack.size() - 1);
            } else if (current != null && current.next < current.refs.size()) {
                head = current.refs.get(current.next++);
            } else {
                current = nextTarget(order, refs);
                if (current == null) {
                    break;
                }
                head = current.refs.get(current.next++);
            }
        }
        if (rest.isEmpty()) {
            return null;
        }
        Lib0Writer writer = new Lib0Writer();
        writer.writeVarUint(rest.size());
        for (int client : ClientOrder.descending(rest.keySet())) {
            List<Struct> structs = rest.get(client);
            UpdateEncoder.writeStructs(writer, structs, client, 0);
        }
        writer.writeVarUint(0); // no deletions: those are kept apart
        return new Rest(writer.toByteArray(), missingSv);
    }

    private static void integrate(Transaction transaction, StructStore store, Struct struct, int offset) {
        if (struct instanceof Item item) {
            item.integrate(transaction, offset);
        } else {
            struct.clock += offset;
            struct.length -= offset;
            store.add(struct);
        }
    }

    private static ClientRefs nextTarget(List<Integer> order, Map<Integer, ClientRefs> refs) {
        while (!order.isEmpty()) {
            ClientRefs target = refs.get(order.get(order.size() - 1));
            if (!target.exhausted()) {
                return target;
            }
            order.remove(order.size() - 1);
        }
        return null;
    }

    /**
     * Everything on the stack, with the unprocessed structs of its clients, waits for missing structs. A client's
     * rest starts at its first struct on the stack, which is not always the last one taken from its list: while
     * resolving dependencies, later structs of the same client may have been taken too (only a causal cycle, that
     * is hostile input, does that; Yjs then keeps the later struct alone and loses the first).
     */
    private static void moveStackToRest(List<Struct> stack, Map<Integer, ClientRefs> refs, List<Integer> order,
            Map<Integer, List<Struct>> rest) {
        for (Struct struct : stack) {
            int client = struct.client;
            ClientRefs waiting = refs.get(client);
            if (waiting != null) {
                int from = indexOfSame(waiting.refs, struct, waiting.next);
                rest.put(client, ListRanges.copy(waiting.refs, from, waiting.refs.size()));
                refs.remove(client);
                waiting.next = 0;
                waiting.refs = List.of();
            } else if (!rest.containsKey(client)) {
                List<Struct> single = new ArrayList<>();
                single.add(struct);
                rest.put(client, single);
            } // else: a later struct of a client already moved from its first struct on, so already in the rest
            order.remove(Integer.valueOf(client));
        }
        stack.clear();
    }

    /** Where {@code struct} (taken from {@code refs} before {@code taken}) sits in {@code refs}. */
    private static int indexOfSame(List<Struct> refs, Struct struct, int taken) {
        for (int i = taken - 1; i >= 0; i--) {
            if (refs.get(i) == struct) {
                return i;
            }
        }
        throw new IllegalStateException("A struct on the stack was not taken from its client's list: " + struct);
    }

    /** Deletes what is known; returns the unknown ranges as an update without structs, or null. */
    private static byte[] applyDeleteSet(Transaction transaction, StructStore store, DeleteSet ds) {
        DeleteSet unapplied = new DeleteSet();
        for (int client : ds.clients()) {
            List<Struct> structs = store.structs(client);
            int state = store.state(client);
            for (IdRange range : ds.ranges(client)) {
                int clock = range.clock;
                int end = range.clock + range.length;
                if (clock < state) {
                    if (state < end) {
                        unapplied.add(client, state, end - state);
                    }
                    int index = StructStore.findIndex(structs, clock);
                    Struct struct = structs.get(index);
                    if (!struct.isDeleted() && struct.clock < clock) {
                        structs.add(index + 1, ((Item) struct).split(transaction, clock - struct.clock));
                        index++;
                    }
                    while (index < structs.size()) {
                        struct = structs.get(index++);
                        if (struct.clock >= end) {
                            break;
                        }
                        if (!struct.isDeleted()) {
                            if (end < struct.clock + struct.length) {
                                structs.add(index, ((Item) struct).split(transaction, end - struct.clock));
                            }
                            ((Item) struct).delete(transaction);
                        }
                    }
                } else {
                    unapplied.add(client, clock, end - clock);
                }
            }
        }
        if (unapplied.isEmpty()) {
            return null;
        }
        Lib0Writer writer = new Lib0Writer();
        writer.writeVarUint(0);
        unapplied.write(writer);
        return writer.toByteArray();
    }

}
