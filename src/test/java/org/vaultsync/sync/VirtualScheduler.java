package org.vaultsync.sync;

import org.vaultsync.common.Cancellable;
import org.vaultsync.common.Scheduler;
import java.util.PriorityQueue;

/**
 * Virtual time for tests and simulations: nothing runs until the test advances the clock, then due tasks run in
 * time order (ties in scheduling order), so every run is instant and exactly repeatable.
 */
public final class VirtualScheduler implements Scheduler {
    private final PriorityQueue<ScheduledTask> queue = new PriorityQueue<>();
    private long now;
    private long sequence;

    public VirtualScheduler() {
        this(0);
    }

    public VirtualScheduler(long start) {
        this.now = start;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable runnable) {
        ScheduledTask task = new ScheduledTask(now + Math.max(0, delayMillis), sequence++, runnable);
        queue.add(task);
        return () -> task.cancelled = true;
    }

    /** Moves the clock forward by {@code millis}, running every task that falls due on the way. */
    public void advance(long millis) {
        runUntil(now + millis);
    }

    public void runUntil(long time) {
        while (true) {
            ScheduledTask next = queue.peek();
            if (next == null || next.at > time) {
                break;
            }
            queue.poll();
            now = Math.max(now, next.at);
            if (!next.cancelled) {
                next.runnable.run();
            }
        }
        now = Math.max(now, time);
    }

    /** Runs tasks until none is left or {@code maxTasks} ran (guards against self-rescheduling loops). */
    public int runUntilIdle(int maxTasks) {
        int ran = 0;
        while (ran < maxTasks) {
            ScheduledTask next = queue.poll();
            if (next == null) {
                return ran;
            }
            now = Math.max(now, next.at);
            if (!next.cancelled) {
                next.runnable.run();
                ran++;
            }
        }
        return ran;
    }

    /** Tasks scheduled and not cancelled. */
    public int pendingTasks() {
        int count = 0;
        for (ScheduledTask task : queue) {
            if (!task.cancelled) {
                count++;
            }
        }
        return count;
    }
}
