package org.vaultsync.sync;

import java.util.PriorityQueue;

/**
 * Virtual time for tests and simulations: nothing runs until the test advances the clock, then due tasks run in
 * time order (ties in scheduling order), so every run is instant and exactly repeatable.
 */
public final class VirtualScheduler implements Scheduler {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
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
        Task task = new Task(now + Math.max(0, delayMillis), sequence++, runnable);
        queue.add(task);
        return () -> task.cancelled = true;
    }

    /** Moves the clock forward by {@code millis}, running every task that falls due on the way. */
    public void advance(long millis) {
        runUntil(now + millis);
    }

    public void runUntil(long time) {
        while (true) {
            Task next = queue.peek();
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
            Task next = queue.poll();
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
        for (Task task : queue) {
            if (!task.cancelled) {
                count++;
            }
        }
        return count;
    }

    private static final class Task implements Comparable<Task> {
        final long at;
        final long seq;
        final Runnable runnable;
        boolean cancelled;

        Task(long at, long seq, Runnable runnable) {
            this.at = at;
            this.seq = seq;
            this.runnable = runnable;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }
    }
}
