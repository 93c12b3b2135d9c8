package org.vaultsync.sync;

import org.vaultsync.common.Scheduler;

/** A timer of a test {@link Scheduler}: due at a time, ties broken by the order of scheduling, cancellable. */
public final class ScheduledTask implements Comparable<ScheduledTask> {
    public final long at;
    private final long seq;
    public final Runnable runnable;
    public boolean cancelled;

    public ScheduledTask(long at, long seq, Runnable runnable) {
        this.at = at;
        this.seq = seq;
        this.runnable = runnable;
    }

    @Override
    public int compareTo(ScheduledTask other) {
        int byTime = Long.compare(at, other.at);
        return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
}
