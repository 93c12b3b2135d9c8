package org.vaultsync.sync.mesh;

/** Creates peer connections; the initiator makes the offer. */
@FunctionalInterface
public interface PeerTransport {
    PeerConnection create(boolean initiator, PeerConnection.Listener listener);
}
