package org.vaultsync.sync;

import org.vaultsync.common.Cancellable;
import org.vaultsync.common.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The room connection's lifecycle (product.md §2): DISCONNECTED, CONNECTING, CONNECTED, RETRYING, ERROR, with
 * exponential backoff on loss. Every timer and every attempt belongs to exactly one room; leaving or switching
 * abandons them, so a late callback of the old room can neither reconnect it nor disturb the new one (the earlier
 * app re-joined the old room a second after a leave). See docs/sync.md for the transition table.
 */
public final class ConnectionStateMachine {
    /** A join that neither opens nor fails within this time counts as a failed attempt, never as a hang. */
    public static final long CONNECT_TIMEOUT_MILLIS = 10_000;
    public static final String EXHAUSTED_MESSAGE = "Connection failed after 5 attempts. Please try again.";
    public static final String WRONG_PASSWORD_MESSAGE = "Wrong password for this room";

    private final Scheduler scheduler;
    private final Backoff backoff;
    private final ConnectionDriver driver;
    private final SyncEvents events;
    private final List<Consumer<ConnectionStatus>> statusListeners = new ArrayList<>();

    private ConnectionStatus status = ConnectionStatus.disconnected();
    private ConnectionAttempt current;
    private Cancellable timer;
    private int peerCount;

    public ConnectionStateMachine(Scheduler scheduler, Backoff backoff, ConnectionDriver driver, SyncEvents events) {
        this.scheduler = scheduler;
        this.backoff = backoff;
        this.driver = driver;
        this.events = events;
    }

    public ConnectionStatus status() {
        return status;
    }

    public void addStatusListener(Consumer<ConnectionStatus> listener) {
        statusListeners.add(listener);
    }

    /** Joins {@code roomCode}; leaves the current room first if it is another one. Re-joining the same room is a no-op. */
    public void join(String roomCode) {
        if (roomCode == null || roomCode.isEmpty()) {
            throw new IllegalArgumentException("room code must not be empty");
        }
        if (status.state() != ConnectionState.DISCONNECTED) {
            if (roomCode.equals(status.roomCode()) && !needsRestart()) {
                return;
            }
            stop("switched to room " + roomCode);
        }
        startAttempt(roomCode, 0);
    }

    /** The user's leave: cancels every timer, closes the room, never reconnects. Possible in every state. */
    public void leave() {
        if (status.state() != ConnectionState.DISCONNECTED) {
            stop("left");
        }
    }

    /** Manual retry: from ERROR starts over with a fresh attempt budget; while RETRYING, skips the wait. */
    public void retry() {
        if (needsRestart()) {
            startAttempt(status.roomCode(), 0);
        } else if (status.state() == ConnectionState.RETRYING) {
            startAttempt(status.roomCode(), status.attempt());
        }
    }

    /** Distinct remote peers currently reachable; shown while CONNECTED. */
    public void setPeerCount(int count) {
        peerCount = count;
        if (status.state() == ConnectionState.CONNECTED && status.peerCount() != count) {
            setStatus(new ConnectionStatus(ConnectionState.CONNECTED, status.roomCode(), count, 0,
                    backoff.maxAttempts(), 0, null));
        }
    }

    /** ERROR and WRONG_PASSWORD: nothing runs until the user acts; a join or retry starts over. */
    private boolean needsRestart() {
        return status.state() == ConnectionState.ERROR || status.state() == ConnectionState.WRONG_PASSWORD;
    }

    /**
     * Our password does not open {@code roomCode} (see {@code PasswordCheck}): stop whatever runs, including a
     * pending retry, and show WRONG_PASSWORD instead of connecting for ever. Ignored for another room or when not
     * in the room.
     */
    void wrongPassword(String roomCode) {
        ConnectionState state = status.state();
        if (!roomCode.equals(status.roomCode()) || state == ConnectionState.DISCONNECTED || needsRestart()) {
            return;
        }
        abandonCurrent(WRONG_PASSWORD_MESSAGE);
        if (state == ConnectionState.CONNECTED) {
            events.emit(new SyncEvent.Disconnected(WRONG_PASSWORD_MESSAGE));
        }
        setStatus(new ConnectionStatus(ConnectionState.WRONG_PASSWORD, roomCode, peerCount, 0, backoff.maxAttempts(),
                0, WRONG_PASSWORD_MESSAGE));
        events.emit(new SyncEvent.WrongPassword(roomCode));
    }

    boolean isCurrent(ConnectionAttempt attempt) {
        return attempt != null && attempt == current;
    }

    void onOpened(ConnectionAttempt attempt) {
        if (!isCurrent(attempt) || status.state() != ConnectionState.CONNECTING) {
            return;
        }
        cancelTimer();
        setStatus(new ConnectionStatus(ConnectionState.CONNECTED, attempt.roomCode(), peerCount, 0,
                backoff.maxAttempts(), 0, null));
        events.emit(new SyncEvent.Connected(attempt.roomCode()));
    }

    void onLost(ConnectionAttempt attempt, String reason) {
        if (!isCurrent(attempt)) {
            return;
        }
        boolean wasConnected = status.state() == ConnectionState.CONNECTED;
        abandonCurrent(reason);
        if (wasConnected) {
            events.emit(new SyncEvent.Disconnected(reason));
        }
        int next = status.attempt() + 1;
        String roomCode = attempt.roomCode();
        if (next > backoff.maxAttempts()) {
            fail(roomCode, EXHAUSTED_MESSAGE);
            return;
        }
        long delay = backoff.delayBefore(next);
        setStatus(new ConnectionStatus(ConnectionState.RETRYING, roomCode, peerCount, next, backoff.maxAttempts(),
                scheduler.now() + delay, reason));
        timer = scheduler.schedule(delay, () -> {
            timer = null;
            startAttempt(roomCode, next);
        });
    }

    void onFatal(ConnectionAttempt attempt, String message) {
        if (!isCurrent(attempt)) {
            return;
        }
        boolean wasConnected = status.state() == ConnectionState.CONNECTED;
        abandonCurrent(message);
        if (wasConnected) {
            events.emit(new SyncEvent.Disconnected(message));
        }
        fail(attempt.roomCode(), message);
    }

    private void startAttempt(String roomCode, int attemptNumber) {
        cancelTimer();
        ConnectionAttempt attempt = new ConnectionAttempt(this, roomCode);
        current = attempt;
        setStatus(new ConnectionStatus(ConnectionState.CONNECTING, roomCode, peerCount, attemptNumber,
                backoff.maxAttempts(), 0, null));
        timer = scheduler.schedule(CONNECT_TIMEOUT_MILLIS, () -> {
            timer = null;
            attempt.lost("Timed out joining the room");
        });
        driver.open(roomCode, attempt);
    }

    private void stop(String reason) {
        abandonCurrent(reason);
        peerCount = 0;
        setStatus(ConnectionStatus.disconnected());
        events.emit(new SyncEvent.Disconnected(reason));
    }

    private void fail(String roomCode, String message) {
        setStatus(new ConnectionStatus(ConnectionState.ERROR, roomCode, peerCount, 0, backoff.maxAttempts(), 0,
                message));
        events.emit(new SyncEvent.Error(message));
    }

    private void abandonCurrent(String reason) {
        cancelTimer();
        ConnectionAttempt attempt = current;
        current = null;
        if (attempt != null) {
            driver.close(attempt, reason);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void setStatus(ConnectionStatus next) {
        status = next;
        for (Consumer<ConnectionStatus> listener : new ArrayList<>(statusListeners)) {
            listener.accept(next);
        }
    }
}
