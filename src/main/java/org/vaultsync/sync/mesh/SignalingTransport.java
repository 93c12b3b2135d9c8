package org.vaultsync.sync.mesh;

/** Opens signaling connections; one per connection attempt. */
@FunctionalInterface
public interface SignalingTransport {
    SignalingConnection connect(SignalingConnection.Listener listener);

    /**
     * A connection will be wanted soon (a room is being joined): a transport may start opening it now, so the next
     * {@link #connect} takes it half-open instead of starting from nothing while the room is still being set up.
     */
    default void preconnect() {
    }
}
