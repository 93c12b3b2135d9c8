package org.vaultsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of user actions, network reports (also on stale attempts) and time: whatever happens, a left
 * session never opens anything, every open is for the room last joined, at most one timer is pending, and the status
 * is consistent with the attempts.
 */
class ConnectionStateMachinePropertiesTest {
    private static final String[] ROOMS = {"AAAAAA", "BBBBBB", "CCCCCC"};

    @Property(tries = 500)
    void invariantsHoldUnderAnySequence(@ForAll @Size(max = 80) List<@IntRange(min = 0, max = 99) Integer> steps,
                                        @ForAll @IntRange(min = 0, max = 999) int jitter) {
        VirtualScheduler clock = new VirtualScheduler();
        List<ConnectionAttempt> opened = new ArrayList<>();
        List<ConnectionAttempt> closed = new ArrayList<>();
        ConnectionDriver driver = new ConnectionDriver() {
            public void open(String roomCode, ConnectionAttempt attempt) {
                opened.add(attempt);
            }

            public void close(ConnectionAttempt attempt, String reason) {
                closed.add(attempt);
            }
        };
        List<SyncEvent> events = new ArrayList<>();
        SyncEvents bus = new SyncEvents();
        bus.add(events::add);
        ConnectionStateMachine machine = new ConnectionStateMachine(clock, new Backoff(() -> jitter / 1000.0), driver, bus);
        String wanted = null;

        for (int step : steps) {
            int opensBefore = opened.size();
            ConnectionAttempt latest = opened.isEmpty() ? null : opened.get(opened.size() - 1);
            ConnectionAttempt any = opened.isEmpty() ? null : opened.get(step % opened.size());
            if (step < 15) {
                wanted = ROOMS[step % ROOMS.length];
                machine.join(wanted);
            } else if (step < 25) {
                machine.leave();
                wanted = null;
            } else if (step < 32) {
                machine.retry();
            } else if (step < 47 && latest != null) {
                latest.opened();
            } else if (step < 62 && latest != null) {
                latest.lost("lost");
            } else if (step < 65 && latest != null) {
                latest.fatal("fatal");
            } else if (step < 75 && any != null) {
                any.opened(); // possibly stale
                any.lost("late report");
            } else {
                clock.advance((step - 75) * 1_500L);
            }

            ConnectionStatus status = machine.status();
            assertTrue(clock.pendingTasks() <= 1, "one timer at most, " + clock.pendingTasks());
            for (ConnectionAttempt attempt : opened.subList(opensBefore, opened.size())) {
                assertEquals(wanted, attempt.roomCode(), "opened a room that is not the one wanted");
            }
            if (wanted == null) {
                assertEquals(ConnectionState.DISCONNECTED, status.state());
                assertEquals(0, clock.pendingTasks(), "a left session keeps no timer");
                assertEquals(opensBefore, opened.size(), "a left session opens nothing");
            } else {
                assertEquals(wanted, status.roomCode());
            }
            assertTrue(status.attempt() >= 0 && status.attempt() <= Backoff.MAX_ATTEMPTS);
            switch (status.state()) {
                case RETRYING -> assertTrue(status.nextAttemptAt() > clock.now() - 1 && status.attempt() >= 1);
                case CONNECTING -> assertTrue(latest == null || opened.get(opened.size() - 1).isCurrent());
                case ERROR, DISCONNECTED, CONNECTED -> assertTrue(opened.isEmpty()
                        || !opened.get(opened.size() - 1).isCurrent() || status.state() == ConnectionState.CONNECTED);
                default -> {
                }
            }
        }
        machine.leave();
        int opens = opened.size();
        clock.advance(10_000_000);
        assertEquals(opens, opened.size());
        assertEquals(0, clock.pendingTasks());
    }
}
