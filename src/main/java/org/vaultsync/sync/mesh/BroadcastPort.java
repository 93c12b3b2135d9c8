package org.vaultsync.sync.mesh;

/**
 * A subscription to a BroadcastChannel: every other subscriber of the same channel name in the same browser profile
 * receives what is posted (never the poster itself). Used for tabs of one browser, which do not need WebRTC.
 */
public interface BroadcastPort {
    void post(byte[] message);

    void close();
}
