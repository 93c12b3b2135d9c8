package org.vaultsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionStateMachineTest {
    private final VirtualScheduler clock = new VirtualScheduler(1_000_000);
    private final SyncEvents events = new SyncEvents();
    private final List<SyncEvent> seen = new ArrayList<>();
    private final Driver driver = new Driver();
    private double jitter = 0;
    private final ConnectionStateMachine machine =
            new ConnectionStateMachine(clock, new Backoff(() -> jitter), driver, events);

    ConnectionStateMachineTest() {
        events.add(seen::add);
    }

    /** Records what the machine asks of the signaling side; the test plays the network's answers. */
    static final class Driver implements ConnectionDriver {
        final List<ConnectionAttempt> opened = new ArrayList<>();
        final List<String> closedReasons = new ArrayList<>();

        @Override
        public void open(String roomCode, ConnectionAttempt attempt) {
            opened.add(attempt);
        }

        @Override
        public void close(ConnectionAttempt attempt, String reason) {
            closedReasons.add(attempt.roomCode() + ": " + reason);
        }

        ConnectionAttempt last() {
            return opened.get(opened.size() - 1);
        }
    }

    private ConnectionState state() {
        return machine.status().state();
    }

    @Test
    void startsDisconnected() {
        assertEquals(ConnectionState.DISCONNECTED, state());
        assertEquals("Disconnected", machine.status().describe(clock.now()));
    }

    @Test
    void joinGoesToConnectingThenConnectedWaitingForPeersWhenAlone() {
        machine.join("ABCDEF");
        assertEquals(ConnectionState.CONNECTING, state());
        assertEquals("Connecting", machine.status().describe(clock.now()));
        assertEquals("ABCDEF", driver.last().roomCode());

        driver.last().opened();

        assertEquals(ConnectionState.CONNECTED, state());
        assertEquals("Waiting for peers", machine.status().describe(clock.now()));
        assertEquals(List.of(new SyncEvent.Connected("ABCDEF")), seen);
    }

    @Test
    void connectedShowsPeerCount() {
        machine.join("ABCDEF");
        driver.last().opened();
        machine.setPeerCount(1);
        assertEquals("1 peer", machine.status().describe(clock.now()));
        machine.setPeerCount(3);
        assertEquals(3, machine.status().peerCount());
        assertEquals("3 peers", machine.status().describe(clock.now()));
        machine.setPeerCount(0);
        assertEquals("Waiting for peers", machine.status().describe(clock.now()));
    }

    @Test
    void lossWhileConnectedReportsDisconnectedAndRetriesAfterOneSecond() {
        machine.join("ABCDEF");
        driver.last().opened();
        driver.last().lost("Signaling connection lost");

        assertEquals(ConnectionState.RETRYING, state());
        assertEquals(1, machine.status().attempt());
        assertEquals("Retrying: attempt 1 of 5, next in 1s", machine.status().describe(clock.now()));
        assertEquals(new SyncEvent.Disconnected("Signaling connection lost"), seen.get(1));

        clock.advance(999);
        assertEquals(ConnectionState.RETRYING, state());
        clock.advance(1);
        assertEquals(ConnectionState.CONNECTING, state());
        assertEquals("Connecting (attempt 1 of 5)", machine.status().describe(clock.now()));
        assertEquals(2, driver.opened.size());

        driver.last().opened();
        assertEquals(ConnectionState.CONNECTED, state());
        assertEquals(0, machine.status().attempt());
        assertEquals(new SyncEvent.Connected("ABCDEF"), seen.get(seen.size() - 1));
    }

    @Test
    void failedInitialJoinRetriesWithoutDisconnectedEvent() {
        machine.join("ABCDEF");
        driver.last().lost("Signaling server unreachable");
        assertEquals(ConnectionState.RETRYING, state());
        assertTrue(seen.isEmpty(), "nothing was connected, so nothing was disconnected: " + seen);
    }

    @Test
    void backoffDoublesBetweenAttempts() {
        machine.join("ABCDEF");
        List<Long> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            driver.last().lost("down");
            long wait = machine.status().nextAttemptAt() - clock.now();
            waits.add(wait);
            clock.advance(wait);
            assertEquals(ConnectionState.CONNECTING, state());
            assertEquals(attempt, machine.status().attempt());
        }
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L), waits);
    }

    @Test
    void fiveFailedRetriesThenErrorThenManualRetrySucceeds() {
        machine.join("ABCDEF");
        driver.last().lost("down");
        for (int attempt = 1; attempt <= 5; attempt++) {
            clock.advance(machine.status().nextAttemptAt() - clock.now());
            driver.last().lost("down");
        }
        assertEquals(ConnectionState.ERROR, state());
        assertEquals(ConnectionStateMachine.EXHAUSTED_MESSAGE, machine.status().message());
        assertEquals("Connection failed after 5 attempts. Please try again.", machine.status().describe(clock.now()));
        assertEquals(new SyncEvent.Error(ConnectionStateMachine.EXHAUSTED_MESSAGE), seen.get(seen.size() - 1));
        assertEquals(0, clock.pendingTasks(), "no timer survives into ERROR");
        int opensBefore = driver.opened.size();
        clock.advance(3_600_000);
        assertEquals(opensBefore, driver.opened.size(), "ERROR never reconnects by itself");

        machine.retry();
        assertEquals(ConnectionState.CONNECTING, state());
        driver.last().opened();
        assertEquals(ConnectionState.CONNECTED, state());

        driver.last().lost("down again");
        assertEquals(1, machine.status().attempt(), "a manual retry restores the full attempt budget");
    }

    @Test
    void joinThatNeverAnswersTimesOutIntoRetrying() {
        machine.join("ABCDEF");
        ConnectionAttempt hung = driver.last();
        clock.advance(ConnectionStateMachine.CONNECT_TIMEOUT_MILLIS);
        assertEquals(ConnectionState.RETRYING, state());
        assertEquals(List.of("ABCDEF: Timed out joining the room"), driver.closedReasons);
        hung.opened();
        assertEquals(ConnectionState.RETRYING, state(), "a timed-out attempt that opens late is ignored");
    }

    @Test
    void fatalProblemGoesStraightToErrorWithItsMessage() {
        machine.join("ABCDEF");
        driver.last().fatal("Wrong password for this room");
        assertEquals(ConnectionState.ERROR, state());
        assertEquals("Wrong password for this room", machine.status().describe(clock.now()));
        assertEquals(List.of(new SyncEvent.Error("Wrong password for this room")), seen);
        assertEquals(0, clock.pendingTasks());
    }

    @Test
    void fatalWhileConnectedReportsDisconnectedThenError() {
        machine.join("ABCDEF");
        driver.last().opened();
        driver.last().fatal("Room closed");
        assertEquals(List.of(new SyncEvent.Connected("ABCDEF"), new SyncEvent.Disconnected("Room closed"),
                new SyncEvent.Error("Room closed")), seen);
    }

    @Test
    void retryWhileRetryingSkipsTheWait() {
        machine.join("ABCDEF");
        driver.last().lost("down");
        driver.last().lost("ignored: already abandoned");
        assertEquals(1, machine.status().attempt());
        machine.retry();
        assertEquals(ConnectionState.CONNECTING, state());
        assertEquals(1, machine.status().attempt());
        assertEquals(1, clock.pendingTasks(), "only the connect timeout remains");
    }

    @Test
    void leaveDuringRetryCancelsEveryTimerAndNeverReconnects() {
        machine.join("ABCDEF");
        driver.last().opened();
        driver.last().lost("Signaling connection lost");
        assertEquals(ConnectionState.RETRYING, state());

        machine.leave();

        assertEquals(ConnectionState.DISCONNECTED, state());
        assertEquals(0, clock.pendingTasks());
        int opens = driver.opened.size();
        clock.advance(3_600_000);
        assertEquals(opens, driver.opened.size());
        assertEquals(new SyncEvent.Disconnected("left"), seen.get(seen.size() - 1));
    }

    @Test
    void leaveWhileConnectingClosesTheAttemptAndIgnoresItsLateAnswer() {
        machine.join("ABCDEF");
        ConnectionAttempt attempt = driver.last();
        machine.leave();
        assertEquals(List.of("ABCDEF: left"), driver.closedReasons);
        attempt.opened();
        attempt.lost("socket closed after leave");
        assertEquals(ConnectionState.DISCONNECTED, state());
        assertEquals(0, clock.pendingTasks());
        assertEquals(List.of(new SyncEvent.Disconnected("left")), seen);
    }

    @Test
    void leaveWhileConnectedClosesAndTheSocketCloseDoesNotReconnect() {
        machine.join("ABCDEF");
        ConnectionAttempt attempt = driver.last();
        attempt.opened();
        machine.leave();
        attempt.lost("socket closed");
        clock.advance(3_600_000);
        assertEquals(ConnectionState.DISCONNECTED, state());
        assertEquals(1, driver.opened.size());
    }

    @Test
    void leaveFromErrorAndWhenAlreadyDisconnected() {
        machine.leave();
        assertTrue(seen.isEmpty(), "leaving nothing reports nothing");
        machine.join("ABCDEF");
        driver.last().fatal("nope");
        machine.leave();
        assertEquals(ConnectionState.DISCONNECTED, state());
        assertEquals(new SyncEvent.Disconnected("left"), seen.get(seen.size() - 1));
    }

    @Test
    void switchRoomDuringConnectingNeverReturnsToTheOldRoom() {
        machine.join("AAAAAA");
        ConnectionAttempt old = driver.last();
        machine.join("BBBBBB");

        assertEquals("BBBBBB", machine.status().roomCode());
        assertEquals(List.of("AAAAAA: switched to room BBBBBB"), driver.closedReasons);
        old.opened();
        old.lost("old socket closed");
        assertEquals(ConnectionState.CONNECTING, state());
        assertEquals("BBBBBB", machine.status().roomCode());

        driver.last().opened();
        driver.last().lost("down");
        for (int i = 0; i < 5; i++) {
            clock.advance(machine.status().nextAttemptAt() - clock.now());
            assertEquals("BBBBBB", driver.last().roomCode());
            driver.last().lost("down");
        }
        for (ConnectionAttempt attempt : driver.opened.subList(1, driver.opened.size())) {
            assertEquals("BBBBBB", attempt.roomCode());
        }
    }

    @Test
    void switchRoomDuringRetryCancelsTheOldRoomsTimer() {
        machine.join("AAAAAA");
        driver.last().opened();
        driver.last().lost("down");
        machine.join("BBBBBB");
        assertEquals(1, clock.pendingTasks(), "only the new room's connect timeout");
        clock.advance(60_000);
        for (ConnectionAttempt attempt : driver.opened.subList(1, driver.opened.size())) {
            assertEquals("BBBBBB", attempt.roomCode());
        }
        assertTrue(seen.contains(new SyncEvent.Disconnected("switched to room BBBBBB")));
    }

    @Test
    void joiningTheSameRoomAgainIsANoOp() {
        machine.join("ABCDEF");
        driver.last().opened();
        machine.join("ABCDEF");
        assertEquals(1, driver.opened.size());
        assertEquals(ConnectionState.CONNECTED, state());
    }

    @Test
    void joiningFromErrorStartsAFreshAttempt() {
        machine.join("ABCDEF");
        driver.last().fatal("bad");
        machine.join("ABCDEF");
        assertEquals(ConnectionState.CONNECTING, state());
        assertEquals(0, machine.status().attempt());
    }

    @Test
    void statusListenersSeeEveryTransition() {
        List<ConnectionState> states = new ArrayList<>();
        machine.addStatusListener(s -> states.add(s.state()));
        machine.join("ABCDEF");
        driver.last().opened();
        driver.last().lost("down");
        clock.advance(1000);
        machine.leave();
        assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.RETRYING,
                ConnectionState.CONNECTING, ConnectionState.DISCONNECTED), states);
    }

    @Test
    void retryCountdownRoundsUp() {
        jitter = 0.5;
        machine.join("ABCDEF");
        driver.last().lost("down");
        assertEquals(1100, machine.status().nextAttemptAt() - clock.now());
        assertEquals("Retrying: attempt 1 of 5, next in 2s", machine.status().describe(clock.now()));
        clock.advance(200);
        assertEquals("Retrying: attempt 1 of 5, next in 1s", machine.status().describe(clock.now()));
        assertFalse(machine.status().describe(clock.now()).contains("0s"));
    }

    @Test
    void wrongPasswordWhileConnectedClosesSignalingAndStaysRedNotConnecting() {
        machine.join("ABCDEF");
        driver.last().opened();
        seen.clear();

        machine.wrongPassword("ABCDEF");

        assertEquals(ConnectionState.WRONG_PASSWORD, state());
        assertEquals("Wrong password for this room", machine.status().describe(clock.now()));
        assertEquals(List.of("ABCDEF: Wrong password for this room"), driver.closedReasons);
        assertEquals(List.of(new SyncEvent.Disconnected("Wrong password for this room"),
                new SyncEvent.WrongPassword("ABCDEF")), seen);
        int opens = driver.opened.size();
        clock.advance(600_000);
        assertEquals(ConnectionState.WRONG_PASSWORD, state());
        assertEquals(opens, driver.opened.size(), "no retry timer survives");
    }

    @Test
    void wrongPasswordWhileRetryingCancelsTheRetry() {
        machine.join("ABCDEF");
        driver.last().opened();
        driver.last().lost("gone");
        assertEquals(ConnectionState.RETRYING, state());
        int opens = driver.opened.size();

        machine.wrongPassword("ABCDEF");
        clock.advance(600_000);

        assertEquals(ConnectionState.WRONG_PASSWORD, state());
        assertEquals(opens, driver.opened.size());
    }

    @Test
    void wrongPasswordForAnotherRoomOrWhenDisconnectedChangesNothing() {
        machine.wrongPassword("ABCDEF");
        assertEquals(ConnectionState.DISCONNECTED, state());
        machine.join("ABCDEF");
        machine.wrongPassword("GHJKLM");
        assertEquals(ConnectionState.CONNECTING, state());
        assertTrue(seen.isEmpty());
    }

    @Test
    void afterWrongPasswordJoiningOrRetryingTheSameRoomStartsOver() {
        machine.join("ABCDEF");
        driver.last().opened();
        machine.wrongPassword("ABCDEF");

        machine.join("ABCDEF");
        assertEquals(ConnectionState.CONNECTING, state());
        driver.last().opened();
        machine.wrongPassword("ABCDEF");
        machine.retry();
        assertEquals(ConnectionState.CONNECTING, state());
        assertEquals(0, machine.status().attempt());
    }
}
