package org.vaultsync.sync.mesh;

/**
 * One WebSocket (or in-memory stand-in) to a signaling server, carrying JSON text frames. The browser implements it
 * with {@code WebSocket}; tests with an in-memory server. Callbacks run on the caller's thread and stop after
 * {@link #close()}.
 */
public interface SignalingConnection {
    void send(String frame);

    void close();

    interface Listener {
        void onOpen();

        void onMessage(String frame);

        /** The connection ended or never opened; not called after a local {@link #close()}. */
        void onClose(String reason);
    }
}
