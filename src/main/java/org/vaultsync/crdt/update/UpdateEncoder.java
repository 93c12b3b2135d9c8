package org.vaultsync.crdt.update;

import java.util.ArrayList;
import java.util.List;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.id.ClientIndex;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.crdt.structs.Struct;
import org.vaultsync.crdt.structs.StructStore;

/** Writes a document's structs as update v1: a whole state, a diff against a state vector, or one transaction. */
public final class UpdateEncoder {
    private UpdateEncoder() {
    }

    /**
     * Everything beyond {@code target} (null = everything), with the whole document's delete set, merged with the
     * pending data as Yjs does.
     */
    public static byte[] encodeStateAsUpdate(Doc doc, StateVector target) {
        StateVector sv = target == null ? new StateVector() : target;
        Lib0Writer writer = new Lib0Writer();
        writeClientsStructs(writer, doc.store(), sv);
        doc.store().deleteSet().write(writer);
        byte[] own = writer.toByteArray();
        PendingUpdates pending = doc.pending();
        if (pending.isEmpty()) {
            return own;
        }
        try {
            List<byte[]> updates = new ArrayList<>();
            updates.add(own);
            if (pending.deleteSet != null) {
                updates.add(pending.deleteSet);
            }
            if (pending.structs != null) {
                updates.add(UpdateMerger.diff(pending.structs, sv));
            }
            return UpdateMerger.merge(updates);
        } catch (DecodingException e) {
            throw new IllegalStateException("Pending data of the document cannot be read back", e);
        }
    }

    /** The update of a finished transaction, or null if it changed nothing. */
    /** The largest buffer a document's update writer keeps between transactions. */
    private static final int UPDATE_WRITER_KEEP = 64 * 1024;

    public static byte[] encodeTransaction(Transaction transaction) {
        DeleteSet ds = transaction.deleteSet();
        StateVector before = transaction.beforeState();
        StateVector after = transaction.afterState();
        boolean stateChanged = false;
        for (int i = 0; i < after.size(); i++) {
            int client = after.clientAt(i);
            if (!before.has(client) || before.get(client) != after.clockAt(i)) {
                stateChanged = true;
                break;
            }
        }
        if (ds.isEmpty() && !stateChanged) {
            return null;
        }
        ds.sortAndMerge();
        Lib0Writer writer = transaction.doc().updateWriter();
        writer.reset(UPDATE_WRITER_KEEP);
        writeClientsStructs(writer, transaction.doc().store(), before);
        ds.write(writer);
        return writer.toByteArray();
    }

    /** Structs of every client that is ahead of {@code sv}, highest client first. */
    public static void writeClientsStructs(Lib0Writer writer, StructStore store, StateVector sv) {
        // a client of sv the store does not know has state 0, never ahead: only the store's clients can be
        ClientIndex ahead = new ClientIndex();
        for (int i = 0; i < store.clientCount(); i++) {
            int client = store.clientAt(i);
            if (store.stateAt(i) > sv.get(client)) {
                ahead.add(client);
            }
        }
        writer.writeVarUint(ahead.size());
        for (int client : ahead.descending()) {
            writeStructs(writer, store.structs(client), client, sv.get(client));
        }
    }

    static void writeStructs(Lib0Writer writer, List<Struct> structs, int client, int fromClock) {
        int clock = Math.max(fromClock, structs.get(0).clock);
        int start = StructStore.findIndex(structs, clock);
        writer.writeVarUint(structs.size() - start);
        writer.writeVarUint(client);
        writer.writeVarUint(clock);
        Struct first = structs.get(start);
        first.write(writer, clock - first.clock);
        for (int i = start + 1; i < structs.size(); i++) {
            structs.get(i).write(writer, 0);
        }
    }
}
