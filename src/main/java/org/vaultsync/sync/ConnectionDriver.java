package org.vaultsync.sync;

/**
 * What the {@link ConnectionStateMachine} drives: opening and closing the signaling side of one room. The driver
 * reports back through the {@link ConnectionAttempt} it was given; reports on an attempt the machine has already
 * abandoned (after a leave, a room switch or a timeout) are ignored, which is what keeps a user's leave from
 * ever triggering a reconnect.
 */
public interface ConnectionDriver {
    void open(String roomCode, ConnectionAttempt attempt);

    /** Tear down whatever {@code attempt} opened. Called once per abandoned attempt; must not call back. */
    void close(ConnectionAttempt attempt, String reason);
}
