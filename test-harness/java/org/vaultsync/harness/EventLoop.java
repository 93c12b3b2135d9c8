package org.vaultsync.harness;

import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.vaultsync.common.Cancellable;
import org.vaultsync.sync.ScheduledTask;
import org.vaultsync.common.Scheduler;

/**
 * Real time, one thread: like a browser tab, everything (timers and I/O callbacks posted from other threads) runs on
 * the thread that calls {@link #runUntil}, so the single-threaded sync code can be driven by real sockets.
 */
final class EventLoop implements Scheduler {
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final PriorityQueue<ScheduledTask> timers = new PriorityQueue<>();
    private long sequence;

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    /** Loop thread only. */
    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        ScheduledTask timer = new ScheduledTask(now() + Math.max(0, delayMillis), sequence++, task);
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
            ScheduledTask next = timers.peek();
            if (next != null && next.at <= now) {
                timers.poll();
                if (!next.cancelled) {
                    next.runnable.run();
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
