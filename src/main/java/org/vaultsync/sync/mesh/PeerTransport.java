package org.vaultsync.sync.mesh;

/** Creates peer connections; the initiator makes the offer. */
@FunctionalInterface
public interface PeerTransport {
    PeerConnection create(boolean initiator, PeerConnection.Listener listener);

    /**
     * A room is announced and its document loaded: offers are on their way. A transport whose first connection is
     * expensive to set up does that work now, while the announce travels, instead of when the first offer or announce
     * arrives (a browser's first {@code RTCPeerConnection} starts WebRTC's threads: 12–60 ms measured, once per page).
     * May be called again (every announce); doing the work once is the transport's business.
     */
    default void prepare() {
    }
}
