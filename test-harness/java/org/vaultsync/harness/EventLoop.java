package org.vaultsync.harness;

import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.vaultsync.sync.Cancellable;
import org.vaultsync.sync.Scheduler;

/**
 * Real time, one thread: like a browser tab, everything (timers and I/O callbacks posted from other threads) runs on
 * the thread that calls {@link #runUntil}, so the single-threaded sync code can be driven by real sockets.
 */
final class EventLoop implements Scheduler {
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long sequence;

    private static final class Timer implements Comparable<Timer> {
        final long at;
        final long seq;
        final Runnable task;
        boolean cancelled;

        Timer(long at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        public int compareTo(Timer o) {
            return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
        }
    }

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    /** Loop thread only. */
    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        Timer timer = new Timer(now() + Math.max(0, delayMillis), sequence++, task);
        timers.add(timer);
        return () -> timer.cancelled = true;
    }

    /** Any thread. */
    void post(Runnable task) {
        inbox.add(task);
    }

    /** Runs the loop until {@code done} holds; false on timeout. */
    boolean runUntil(BooleanSupplier done, long timeoutMillis) throws InterruptedException {
        long deadline = now() + timeoutMillis;
        while (!done.getAsBoolean()) {
            long now = now();
            if (now >= deadline) {
                return false;
            }
            Timer next = timers.peek();
            if (next != null && next.at <= now) {
                timers.poll();
                if (!next.cancelled) {
                    next.task.run();
                }
                continue;
            }
            long wait = Math.min(deadline - now, next == null ? 50 : Math.max(1, next.at - now));
            Runnable task = inbox.poll(Math.min(wait, 50), TimeUnit.MILLISECONDS);
            if (task != null) {
                task.run();
            }
        }
        return true;
    }
}
