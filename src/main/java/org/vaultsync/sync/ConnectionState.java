package org.vaultsync.sync;

/** What the status indicator shows (product.md §2). */
public enum ConnectionState {
    /** Gray: not in any room. */
    DISCONNECTED,
    /** Yellow: establishing the signaling connection / joining. */
    CONNECTING,
    /** Green: the room is joined on the signaling server, with or without peers. */
    CONNECTED,
    /** Orange: connection lost, waiting for the next reconnect attempt. */
    RETRYING,
    /** Red: retries exhausted or a fatal problem; needs a manual retry. */
    ERROR,
    /** Gray: the browser is offline; the room's changes are kept on this device and sync when it is back. */
    OFFLINE,
    /**
     * Red: our password does not open this room (others in it use another one). Signaling is closed; join again
     * with another password (or {@code retry()} with the same one, e.g. once the others have left).
     */
    WRONG_PASSWORD
}
