package org.vaultsync.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Subscription;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.id.DeleteSet;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.crdt.structs.SkipStruct;
import org.vaultsync.crdt.structs.Struct;
import org.vaultsync.crdt.update.DecodedUpdate;
import org.vaultsync.crdt.update.UpdateApplier;
import org.vaultsync.crdt.update.UpdateDecoder;
import org.vaultsync.crdt.update.UpdateEncoder;
import org.vaultsync.crdt.update.InvalidUpdateException;
import org.vaultsync.crdt.update.UpdateChunker;
import org.vaultsync.protocol.ProtocolException;

/** The room's Yjs-compatible {@link Doc} as the sync protocol sees it. */
public final class YDocSyncDocument implements SyncDocument {
    private final Doc doc;
    private final Map<UpdateListener, Subscription> subscriptions = new HashMap<>();
    private final List<BiConsumer<byte[], Object>> remoteStateListeners = new ArrayList<>();
    private boolean confirmsReceivedUpdates;
    /** The update last given to listeners and what it carries: its transaction's deletions and clocks. */
    private byte[] lastUpdate;
    private DeleteSet lastUpdateDeletions;
    private StateVector lastUpdateBefore;
    private StateVector lastUpdateAfter;
    /** The update last applied and the delete set read from it, so a peer's holdings need not read it again. */
    private byte[] lastApplied;
    private DeleteSet lastAppliedDeletions;

    public YDocSyncDocument(Doc doc) {
        this.doc = doc;
    }

    public Doc doc() {
        return doc;
    }

    @Override
    public byte[] encodeStateVector() {
        return doc.encodeStateVector();
    }

    @Override
    public List<byte[]> encodeMissing(byte[] remoteStateVector, int maxBytes) throws ProtocolException {
        try {
            return UpdateChunker.split(doc.encodeStateAsUpdate(remoteStateVector), maxBytes);
        } catch (InvalidUpdateException | DecodingException e) {
            throw new ProtocolException("Bad state vector: " + e.getMessage());
        }
    }

    /**
     * Structs beyond the peer's state vector and beyond what is on its way to it, and of our delete set only what it
     * does not hold, as its {@code holdings} (a {@link #newPeerHoldings}) tell: after a one-field edit a few bytes
     * instead of the room's whole deletion history. With data of ours still waiting for dependencies the answer is
     * the complete one (y-protocols' answer carries that data).
     */
    @Override
    public List<byte[]> encodeMissing(byte[] remoteStateVector, PeerHoldings holdings, int maxBytes)
            throws ProtocolException {
        if (!(holdings instanceof HeldByPeer held) || !held.belongsTo(this)) {
            return encodeMissing(remoteStateVector, maxBytes);
        }
        try {
            StateVector theirs = UpdateApplier.decodeStateVector(remoteStateVector);
            DeleteSet all = doc.store().deleteSet();
            byte[] update;
            if (doc.pending().isEmpty()) {
                Lib0Writer writer = new Lib0Writer();
                UpdateEncoder.writeClientsStructs(writer, doc.store(), held.answerFrom(theirs));
                held.deletionsMissingFrom(all).write(writer);
                update = writer.toByteArray();
            } else {
                update = doc.encodeStateAsUpdate(remoteStateVector);
            }
            List<byte[]> parts = UpdateChunker.split(update, maxBytes);
            held.nowHolds(all, doc.store().stateVector());
            return parts;
        } catch (InvalidUpdateException | DecodingException e) {
            throw new ProtocolException("Bad state vector: " + e.getMessage());
        }
    }

    @Override
    public PeerHoldings newPeerHoldings() {
        return new HeldByPeer(this);
    }

    /** Tells {@code into} the deletions and structs {@code update} (as given to update listeners) carries. */
    void readSent(byte[] update, HeldByPeer into) {
        if (update == lastUpdate) {
            into.addDeletions(lastUpdateDeletions);
            for (int client : lastUpdateAfter.clients()) {
                into.addStructs(client, lastUpdateBefore.get(client), lastUpdateAfter.get(client));
            }
            return;
        }
        DecodedUpdate decoded;
        try {
            decoded = UpdateDecoder.decode(update);
        } catch (DecodingException e) {
            return; // unreadable: counting it as not sent only makes the next answer larger
        }
        into.addDeletions(decoded.deleteSet());
        for (DecodedUpdate.ClientBlock block : decoded.blocks()) {
            if (block.structs().isEmpty()) {
                continue;
            }
            int from = block.structs().get(0).clock;
            int to = from;
            for (Struct struct : block.structs()) {
                if (struct instanceof SkipStruct) {
                    break; // a gap: what follows is not contiguous with what the peer holds
                }
                to = struct.clock + struct.length;
            }
            into.addStructs(block.client(), from, to);
        }
    }

    /** The delete set {@code update} carries, or null if it cannot be read. */
    DeleteSet deletionsOf(byte[] update) {
        if (update == lastUpdate) {
            return lastUpdateDeletions;
        }
        if (update == lastApplied) {
            return lastAppliedDeletions;
        }
        try {
            return UpdateDecoder.decode(update).deleteSet();
        } catch (DecodingException e) {
            return null;
        }
    }

    @Override
    public List<byte[]> split(byte[] update, int maxBytes) throws ProtocolException {
        try {
            return UpdateChunker.split(update, maxBytes);
        } catch (DecodingException e) {
            throw new ProtocolException("Bad update: " + e.getMessage());
        }
    }

    @Override
    public void applyUpdate(byte[] update, Object origin) throws ProtocolException {
        try {
            UpdateApplier.DecodedForApply decoded = UpdateApplier.decode(update);
            lastApplied = update;
            lastAppliedDeletions = decoded.deleteSet();
            doc.applyUpdate(decoded, origin);
        } catch (InvalidUpdateException e) {
            throw new ProtocolException("Bad update: " + e.getMessage());
        }
    }

    @Override
    public boolean hasMissingDependencies() {
        return !doc.pending().isEmpty();
    }

    @Override
    public void addUpdateListener(UpdateListener listener) {
        subscriptions.put(listener, doc.onUpdate(new org.vaultsync.crdt.UpdateListener() {
            @Override
            public void onUpdate(byte[] update, Object origin, org.vaultsync.crdt.Transaction transaction) {
                lastUpdate = update;
                lastUpdateDeletions = transaction.deleteSet();
                lastUpdateBefore = transaction.beforeState();
                lastUpdateAfter = transaction.afterState();
                listener.onUpdate(update, origin);
            }

            @Override
            public boolean wantsUpdate(Object origin) {
                return listener.wantsUpdate(origin);
            }
        }));
    }

    @Override
    public void removeUpdateListener(UpdateListener listener) {
        Subscription subscription = subscriptions.remove(listener);
        if (subscription != null) {
            subscription.unsubscribe();
        }
    }

    /** Called with each state vector a peer sends (see {@link SyncDocument#remoteStateVector}). */
    public void addRemoteStateListener(BiConsumer<byte[], Object> listener) {
        remoteStateListeners.add(listener);
    }

    public void removeRemoteStateListener(BiConsumer<byte[], Object> listener) {
        remoteStateListeners.remove(listener);
    }

    /** Whether received updates are confirmed to their sender (see {@link SyncDocument#confirmsReceivedUpdates}). */
    public void setConfirmsReceivedUpdates(boolean confirms) {
        this.confirmsReceivedUpdates = confirms;
    }

    @Override
    public void remoteStateVector(byte[] stateVector, Object origin) {
        for (BiConsumer<byte[], Object> listener : new ArrayList<>(remoteStateListeners)) {
            listener.accept(stateVector, origin);
        }
    }

    @Override
    public boolean confirmsReceivedUpdates() {
        return confirmsReceivedUpdates;
    }
}
