package org.vaultsync.sync;

/** One try at joining a room; the driver's only way to report what happened to it. */
public final class ConnectionAttempt {
    private final ConnectionStateMachine machine;
    private final String roomCode;

    ConnectionAttempt(ConnectionStateMachine machine, String roomCode) {
        this.machine = machine;
        this.roomCode = roomCode;
    }

    public String roomCode() {
        return roomCode;
    }

    /** Still the machine's current attempt: reports on it are acted upon. */
    public boolean isCurrent() {
        return machine.isCurrent(this);
    }

    /** Joined: the room is subscribed on the signaling server. */
    public void opened() {
        machine.onOpened(this);
    }

    /** Could not join (unreachable, refused, timed out) or an established connection was lost: retry later. */
    public void lost(String reason) {
        machine.onLost(this, reason);
    }

    /** A problem retrying cannot fix (e.g. wrong password): straight to ERROR. */
    public void fatal(String message) {
        machine.onFatal(this, message);
    }
}
