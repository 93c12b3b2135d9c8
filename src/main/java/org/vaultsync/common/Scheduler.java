package org.vaultsync.common;

/**
 * Time and timers for the sync layer. Injected everywhere a delay or a timestamp is needed so that tests run on
 * virtual time (instantly and deterministically) and the browser can plug in {@code setTimeout}/{@code Date.now()}.
 * Callbacks run on the caller's single thread: implementations never call back from another thread.
 */
public interface Scheduler {
    /** Milliseconds since an arbitrary epoch; only differences matter, except for glare tokens (see y-webrtc). */
    long now();

    /** Runs {@code task} once after {@code delayMillis} (0 = as soon as possible, never synchronously). */
    Cancellable schedule(long delayMillis, Runnable task);
}
