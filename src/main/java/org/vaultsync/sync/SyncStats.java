package org.vaultsync.sync;

/** Counters of what one peer's sync layer sent and received; for measurements and tests. */
public final class SyncStats {
    public int updatesSent;
    public int updatesRelayed;
    /** Bytes of update messages (own and relayed), framing included. */
    public long updateBytes;
    public int step1Sent;
    public int step2Sent;
    public int awarenessSent;
    public int messagesSent;
    public long bytesSent;
    public int failedSends;
    public int resyncs;
    public int messagesReceived;
    public int malformedReceived;
    /** The largest message sent on a WebRTC data channel (other tabs take any size over the BroadcastChannel). */
    public int largestMessage;

    void sent(byte[] message, boolean dataChannel) {
        messagesSent++;
        bytesSent += message.length;
        if (dataChannel) {
            largestMessage = Math.max(largestMessage, message.length);
        }
    }
}
