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
    /** The update last given to listeners and its transaction's delete set (what the update carries). */
    private byte[] lastUpdate;
    private DeleteSet lastUpdateDeletions;
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
     * Structs beyond the peer's state vector, and of our delete set only what {@code holdings} (a
     * {@link #newPeerHoldings}) do not hold: after a one-field edit a few bytes instead of the room's whole
     * deletion history. With data still waiting for dependencies the answer is the complete one (it carries them).
     */
    @Override
    public List<byte[]> encodeMissing(byte[] remoteStateVector, PeerHoldings holdings, int maxBytes)
            throws ProtocolException {
        if (!(holdings instanceof HeldDeletions held) || !held.belongsTo(this)) {
            return encodeMissing(remoteStateVector, maxBytes);
        }
        try {
            StateVector target = UpdateApplier.decodeStateVector(remoteStateVector);
            DeleteSet all = doc.store().deleteSet();
            byte[] update;
            if (doc.pending().isEmpty()) {
                Lib0Writer writer = new Lib0Writer();
                UpdateEncoder.writeClientsStructs(writer, doc.store(), target);
                held.missingFrom(all).write(writer);
                update = writer.toByteArray();
            } else {
                update = doc.encodeStateAsUpdate(remoteStateVector);
            }
            List<byte[]> parts = UpdateChunker.split(update, maxBytes);
            held.nowHolds(all);
            return parts;
        } catch (InvalidUpdateException | DecodingException e) {
            throw new ProtocolException("Bad state vector: " + e.getMessage());
        }
    }

    @Override
    public PeerHoldings newPeerHoldings() {
        return new HeldDeletions(this);
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
        subscriptions.put(listener, doc.onUpdate((update, origin, transaction) -> {
            lastUpdate = update;
            lastUpdateDeletions = transaction.deleteSet();
            listener.onUpdate(update, origin);
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
