package org.vaultsync.sync.mesh;

/** Opens signaling connections; one per connection attempt. */
@FunctionalInterface
public interface SignalingTransport {
    SignalingConnection connect(SignalingConnection.Listener listener);
}
