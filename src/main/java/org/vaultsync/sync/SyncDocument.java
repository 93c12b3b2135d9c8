package org.vaultsync.sync;

import java.util.List;
import org.vaultsync.protocol.ProtocolException;

/**
 * What the sync protocol needs from the room's document (a Yjs-compatible CRDT document; the CRDT engine provides
 * the real implementation). Updates and state vectors are Yjs v1 bytes. Listeners are called synchronously for every
 * change, local or applied, with the origin given to {@link #applyUpdate} (or the local origin for own edits).
 */
public interface SyncDocument {
    byte[] encodeStateVector();

    /**
     * Everything a peer with {@code remoteStateVector} lacks, as one or more valid updates of at most {@code maxBytes}
     * each (an item that alone exceeds the limit still travels, in an update of its own).
     */
    List<byte[]> encodeMissing(byte[] remoteStateVector, int maxBytes) throws ProtocolException;

    /**
     * As {@link #encodeMissing(byte[], int)}, for the peer whose {@code holdings} say what it already has beyond its
     * state vector (see {@link PeerHoldings}); what it holds may be left out, and the holdings then include
     * everything returned. Default: the complete answer.
     */
    default List<byte[]> encodeMissing(byte[] remoteStateVector, PeerHoldings holdings, int maxBytes)
            throws ProtocolException {
        return encodeMissing(remoteStateVector, maxBytes);
    }

    /**
     * A fresh record of what one peer holds beyond its state vector, knowing nothing yet (the first answer to it is
     * complete). Default: {@link PeerHoldings#UNTRACKED}.
     */
    default PeerHoldings newPeerHoldings() {
        return PeerHoldings.UNTRACKED;
    }

    /** {@code update} as several valid updates of at most {@code maxBytes} each, together equivalent to it. */
    List<byte[]> split(byte[] update, int maxBytes) throws ProtocolException;

    /** Applies an update; a malformed one throws and leaves the document unchanged. */
    void applyUpdate(byte[] update, Object origin) throws ProtocolException;

    /** True while applied changes wait for earlier ones that never arrived: a resync with their sender is due. */
    boolean hasMissingDependencies();

    void addUpdateListener(UpdateListener listener);

    /**
     * A peer told us its state vector (its sync step 1) on the channel {@code origin}: what it holds. The vault uses
     * it to mark a change {@code synced} once a peer has it. Default: not interested.
     */
    default void remoteStateVector(byte[] stateVector, Object origin) {
    }

    /**
     * True to confirm updates that changed this document to the peer they came from, by sending it our state
     * vector (a sync step 1, which any y-protocols peer answers with what we lack, usually nothing). Without it a
     * sender learns what we hold only from the periodic exchange. Default: no confirmations.
     */
    default boolean confirmsReceivedUpdates() {
        return false;
    }

    void removeUpdateListener(UpdateListener listener);

    /**
     * What one peer on a reliable, ordered channel holds that its state vector does not say: a state vector covers
     * inserted structs but not deletions, so a plain answer to its step 1 repeats our whole delete set every time
     * (and the updates still on their way to it).
     * Whatever went out on such a channel while it stays open reaches the peer, in order; the sync layer reports
     * each update it sends there and each one the peer sends (the peer had it), and starts a fresh record whenever that may not hold (a failed send, a repair,
     * the periodic exchange).
     */
    interface PeerHoldings {
        /** Holdings of a document that does not track them: every answer is complete. */
        PeerHoldings UNTRACKED = update -> { };

        /** {@code update} (as given to an {@link UpdateListener}) was handed to the peer's channel. */
        void sent(byte[] update);

        /** The peer sent us {@code update} (applied without error): it holds what the update carries. */
        default void received(byte[] update) {
        }
    }

    @FunctionalInterface
    interface UpdateListener {
        void onUpdate(byte[] update, Object origin);

        /** False: this listener would do nothing with the update now, so it need not be encoded for it. */
        default boolean wantsUpdate(Object origin) {
            return true;
        }
    }
}
