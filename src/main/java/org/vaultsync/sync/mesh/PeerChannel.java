package org.vaultsync.sync.mesh;

/**
 * Somewhere peer messages can be sent: one remote peer's data channel, or the room's BroadcastChannel (which
 * reaches every other tab of this browser at once). Identity-compared; used as the origin of what arrived on it.
 */
public interface PeerChannel {
    /** The remote signaling peer id, or {@link #BROADCAST_ID} for the BroadcastChannel. */
    String id();

    boolean isBroadcast();

    /** False when the message certainly did not go out (see {@link PeerConnection#send}). */
    boolean send(byte[] message);

    /** False for a BroadcastChannel no other tab listens on: live updates there would reach nobody. */
    default boolean hasListeners() {
        return true;
    }

    String BROADCAST_ID = "broadcast-channel";
}
