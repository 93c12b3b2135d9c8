package org.vaultsync.crdt.update;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.common.ListRanges;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.id.ClientIndex;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.IdRange;
import org.vaultsync.crdt.id.IntSort;
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
        /** The clients of the update, in wire order of their first block, with their structs at the same position. */
        final ClientIndex clients;
        final List<List<Struct>> structs;
        final DeleteSet deleteSet;

        DecodedForApply(ClientIndex clients, List<List<Struct>> structs, DeleteSet deleteSet) {
            this.clients = clients;
            this.structs = structs;
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
            List<DecodedUpdate.ClientBlock> blocks = decoded.blocks();
            ClientIndex clients = new ClientIndex();
            List<List<Struct>> structs = new ArrayList<>(blocks.size());
            for (int i = 0; i < blocks.size(); i++) {
                DecodedUpdate.ClientBlock block = blocks.get(i);
                int position = clients.indexOf(block.client());
                if (position < 0) {
                    clients.add(block.client());
                    structs.add(block.structs());
                } else {
                    structs.set(position, block.structs()); // a repeated block replaces the earlier one
                }
            }
            return new DecodedForApply(clients, structs, decoded.deleteSet());
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
        Rest rest = integrateStructs(transaction, store, update);
        if (pending.structs != null) {
            for (Map.Entry<Integer, Integer> missing : pending.missing.entrySet()) {
                if (missing.getValue() < store.state(missing.getKey())) {
                    retry = true;
                    break;
                }
            }
            if (rest != null) {
                for (Map.Entry<Integer, Integer> missing : rest.missing.entrySet()) {
                    keepLowest(pending.missing, missing.getKey(), missing.getValue());
                }
                pending.structs = mergeOwn(Arrays.asList(pending.structs, rest.update));
            }
        } else if (rest != null) {
            pending.structs = rest.update;
            pending.missing.clear();
            pending.missing.putAll(rest.missing);
        }
        byte[] dsRest = applyDeleteSet(transaction, store, update.deleteSet);
        if (pending.deleteSet != null) {
            byte[] dsRest2 = applyDeleteSet(transaction, store, decodeOwn(pending.deleteSet).deleteSet);
            pending.deleteSet = dsRest != null && dsRest2 != null ? mergeOwn(Arrays.asList(dsRest, dsRest2))
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

    /** The structs of one client still to be processed, and the client's clock in the store as far as known. */
    private static final class ClientRefs {
        List<Struct> refs;
        int next;
        /** -1 until read from the store; then kept up to date as this loop integrates */
        int localClock = -1;

        ClientRefs(List<Struct> refs) {
            this.refs = refs;
        }

        boolean exhausted() {
            return next == refs.size();
        }
    }

    /**
     * The update's clients with their structs, by position in {@code clients}; a client whose structs moved to the
     * rest is null. {@code order} holds positions by ascending (unsigned) client; processed from its end.
     */
    private static final class Targets {
        final ClientIndex clients;
        final ClientRefs[] refs;
        final int[] order;
        int orderSize;

        Targets(DecodedForApply update) {
            clients = update.clients;
            int n = clients.size();
            refs = new ClientRefs[n];
            for (int i = 0; i < n; i++) {
                refs[i] = new ClientRefs(update.structs.get(i));
            }
            order = new int[n];
            orderSize = n;
            if (n == 1) {
                return; // the usual case (order[0] = 0); TeaVM's Arrays.sort allocates even for one element
            }
            int[] sorted = new int[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = clients.clientAt(i) ^ Integer.MIN_VALUE; // signed order of this = unsigned order
            }
            IntSort.sort(sorted);
            for (int i = 0; i < n; i++) {
                order[i] = clients.indexOf(sorted[i] ^ Integer.MIN_VALUE);
            }
        }

        /** The structs of {@code client} still in play, or null. */
        ClientRefs of(int client) {
            int position = clients.indexOf(client);
            return position < 0 ? null : refs[position];
        }

        ClientRefs next() {
            while (orderSize > 0) {
                ClientRefs target = refs[order[orderSize - 1]];
                if (target != null && !target.exhausted()) {
                    return target;
                }
                orderSize--;
            }
            return null;
        }

        /** Takes {@code client} out of play: its structs wait. */
        void remove(int client) {
            int position = clients.indexOf(client);
            if (position < 0) {
                return;
            }
            refs[position] = null;
            for (int i = 0; i < orderSize; i++) {
                if (order[i] == position) {
                    System.arraycopy(order, i + 1, order, i, orderSize - i - 1);
                    orderSize--;
                    break;
                }
            }
        }
    }

    private static Rest integrateStructs(Transaction transaction, StructStore store, DecodedForApply update) {
        Targets targets = new Targets(update);
        ClientRefs current = targets.next();
        if (current == null) {
            return null;
        }
        Map<Integer, List<Struct>> rest = null;
        Map<Integer, Integer> missingSv = null;
        List<Struct> stack = null;
        Struct head = current.refs.get(current.next++);
        while (true) {
            if (!(head instanceof SkipStruct)) {
                int client = head.client;
                ClientRefs own = targets.refs[targets.clients.indexOf(client)];
                int localClock;
                if (own == null) {
                    localClock = store.state(client);
                } else {
                    if (own.localClock < 0) {
                        own.localClock = store.state(client);
                    }
                    localClock = own.localClock;
                }
                int offset = localClock - head.clock;
                if (offset < 0) {
                    stack = push(stack, head); // an earlier struct of the same client is missing
                    missingSv = lowest(missingSv, client, head.clock - 1);
                    rest = moveStackToRest(stack, targets, rest);
                } else if (offset >= head.length) {
                    // Already known (a duplicate): skipped before its dependencies are resolved. Yjs resolves them
                    // first, which for causally consistent input finds nothing missing and changes nothing, but
                    // for a duplicate whose dependency is unknown it would queue the duplicate, and resolving
                    // rewrites the origin to the end of the struct that holds it: inside a garbage-collected run
                    // of the item's own client that is the item itself, which no decoder may accept back.
                } else {
                    Integer missing = head instanceof Item item ? item.missingDependency(transaction, store) : null;
                    if (missing != null) {
                        stack = push(stack, head);
                        ClientRefs missingRefs = targets.of(missing);
                        if (missingRefs == null || missingRefs.exhausted()) {
                            missingSv = lowest(missingSv, missing, store.state(missing));
                            rest = moveStackToRest(stack, targets, rest);
                        } else {
                            head = missingRefs.refs.get(missingRefs.next++); // resolve the dependency first
                            continue;
                        }
                    } else {
                        integrate(transaction, store, head, offset);
                        if (own != null) {
                            own.localClock = head.clock + head.length;
                        }
                    }
                }
            }
            if (stack != null && !stack.isEmpty()) {
                head = stack.remove(stack.size() - 1);
            } else if (current != null && current.next < current.refs.size()) {
                head = current.refs.get(current.next++);
            } else {
                current = targets.next();
                if (current == null) {
                    break;
                }
                head = current.refs.get(current.next++);
            }
        }
        if (rest == null || rest.isEmpty()) {
            return null;
        }
        ClientIndex restClients = new ClientIndex();
        for (int client : rest.keySet()) {
            restClients.add(client);
        }
        Lib0Writer writer = new Lib0Writer();
        writer.writeVarUint(rest.size());
        for (int client : restClients.descending()) {
            List<Struct> structs = rest.get(client);
            UpdateEncoder.writeStructs(writer, structs, client, 0);
        }
        writer.writeVarUint(0); // no deletions: those are kept apart
        return new Rest(writer.toByteArray(), missingSv);
    }

    private static List<Struct> push(List<Struct> stack, Struct struct) {
        List<Struct> result = stack != null ? stack : new ArrayList<>();
        result.add(struct);
        return result;
    }

    private static Map<Integer, Integer> lowest(Map<Integer, Integer> missing, int client, int clock) {
        Map<Integer, Integer> result = missing != null ? missing : new HashMap<>();
        keepLowest(result, client, clock);
        return result;
    }

    private static void keepLowest(Map<Integer, Integer> missing, int client, int clock) {
        Integer known = missing.get(client);
        if (known == null || clock < known) {
            missing.put(client, clock);
        }
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

    /**
     * Everything on the stack, with the unprocessed structs of its clients, waits for missing structs. A client's
     * rest starts at its first struct on the stack, which is not always the last one taken from its list: while
     * resolving dependencies, later structs of the same client may have been taken too (only a causal cycle, that
     * is hostile input, does that; Yjs then keeps the later struct alone and loses the first).
     */
    private static Map<Integer, List<Struct>> moveStackToRest(List<Struct> stack, Targets targets,
            Map<Integer, List<Struct>> rest) {
        Map<Integer, List<Struct>> result = rest != null ? rest : new LinkedHashMap<>();
        for (Struct struct : stack) {
            int client = struct.client;
            ClientRefs waiting = targets.of(client);
            if (waiting != null) {
                int from = indexOfSame(waiting.refs, struct, waiting.next);
                result.put(client, ListRanges.copy(waiting.refs, from, waiting.refs.size()));
                waiting.next = 0;
                waiting.refs = Collections.emptyList();
            } else if (!result.containsKey(client)) {
                List<Struct> single = new ArrayList<>();
                single.add(struct);
                result.put(client, single);
            } // else: a later struct of a client already moved from its first struct on, so already in the rest
            targets.remove(client);
        }
        stack.clear();
        return result;
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
        for (int c = 0; c < ds.clientCount(); c++) {
            int client = ds.clientAt(c);
            List<Struct> structs = store.structs(client);
            int state = store.state(client);
            for (IdRange range : ds.rangesAt(c)) {
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
