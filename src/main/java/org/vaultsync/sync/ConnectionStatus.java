package org.vaultsync.sync;

import org.vaultsync.common.Scheduler;

/**
 * A snapshot of the connection for the UI. {@code attempt} is the reconnect attempt (1..maxAttempts) that is
 * scheduled (RETRYING) or running (CONNECTING), 0 otherwise; {@code nextAttemptAt} is on the {@link Scheduler}'s
 * clock, meaningful only while RETRYING.
 */
public record ConnectionStatus(ConnectionState state, String roomCode, int peerCount, int attempt, int maxAttempts,
                               long nextAttemptAt, String message) {

    public static ConnectionStatus disconnected() {
        return new ConnectionStatus(ConnectionState.DISCONNECTED, null, 0, 0, Backoff.MAX_ATTEMPTS, 0, null);
    }

    /** The status line, e.g. "Waiting for peers", "3 peers", "Retrying: attempt 2 of 5, next in 2s". */
    public String describe(long now) {
        // == rather than a switch: a switch on an enum ships a lookup table class per switching class
        if (state == ConnectionState.DISCONNECTED) {
            return "Disconnected";
        }
        if (state == ConnectionState.CONNECTING) {
            return attempt == 0 ? "Connecting" : "Connecting (attempt " + attempt + " of " + maxAttempts + ")";
        }
        if (state == ConnectionState.CONNECTED) {
            if (peerCount == 0) {
                return "Waiting for peers";
            }
            return peerCount == 1 ? "1 peer" : peerCount + " peers";
        }
        if (state == ConnectionState.RETRYING) {
            return "Retrying: attempt " + attempt + " of " + maxAttempts + ", next in "
                    + secondsUntil(now) + "s";
        }
        if (state == ConnectionState.OFFLINE) {
            return "Offline: changes are kept and will sync";
        }
        return message; // WRONG_PASSWORD, ERROR
    }

    /** Whole seconds until the next attempt, rounded up so "next in 0s" only shows when it is due. */
    public long secondsUntil(long now) {
        long remaining = Math.max(0, nextAttemptAt - now);
        return (remaining + 999) / 1000;
    }
}
