package org.vaultsync.sync.mesh;

import java.util.Map;

/**
 * A data connection to one remote peer, negotiated through signals (simple-peer style: offer, answer, candidate
 * objects). The browser implements it with {@code RTCPeerConnection} and one reliable ordered data channel; tests
 * with an in-memory network.
 */
public interface PeerConnection {
    /** Feeds a signal the remote peer sent us through the signaling server. */
    void signal(Map<String, Object> signal);

    /**
     * Sends one binary message. Returns false when it certainly did not go out (not open, closed, too large, buffer
     * full): the caller must then treat the peer as out of sync. True does not promise delivery.
     */
    boolean send(byte[] message);

    void close();

    interface Listener {
        /** A signal to publish to the remote peer through signaling. */
        void onSignal(Map<String, Object> signal);

        /** The data channel is open. */
        void onConnect();

        void onData(byte[] message);

        /** Closed by either side or failed; not called after a local {@link #close()}. */
        void onClose(String reason);
    }
}
