package org.vaultsync.protocol;

/**
 * The binary messages y-webrtc peers exchange over data channels and the BroadcastChannel (y-webrtc.md §4):
 * {@code varUint type} then a body. Byte arrays are owned by the message; do not modify them after handing over.
 */
public sealed interface PeerMessage {
    int TYPE_SYNC = 0;
    int TYPE_AWARENESS = 1;
    int TYPE_QUERY_AWARENESS = 3;
    int TYPE_BC_PEER_ID = 4;

    int SYNC_STEP_1 = 0;
    int SYNC_STEP_2 = 1;
    int SYNC_UPDATE = 2;

    /** "Here is what I have": the sender's state vector. The receiver answers with a {@link SyncStep2}. */
    record SyncStep1(byte[] stateVector) implements PeerMessage {
    }

    /** What the receiver of a step 1 was missing, as a v1 update. */
    record SyncStep2(byte[] update) implements PeerMessage {
    }

    /** A live change, as a v1 update. */
    record SyncUpdate(byte[] update) implements PeerMessage {
    }

    /** An encoded awareness update (see {@link AwarenessUpdate}). */
    record Awareness(byte[] update) implements PeerMessage {
    }

    /** "Send me every awareness state you know" (y-webrtc sends it on the BroadcastChannel only). */
    record QueryAwareness() implements PeerMessage {
    }

    /** BroadcastChannel only: a tab announcing ({@code add}) or withdrawing its signaling peer id. */
    record BcPeerId(boolean add, String peerId) implements PeerMessage {
    }
}
