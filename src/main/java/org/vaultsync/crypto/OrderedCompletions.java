package org.vaultsync.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands out results in the order the operations were started, whatever order they complete in. One per direction
 * of a channel: the sync protocol relies on a channel delivering messages in order (an update before the one that
 * depends on it), and WebCrypto promises, timers in tests or a slower large message could otherwise reorder them.
 * A failed operation is reported in its turn and does not hold up the ones after it. After {@link #close()} nothing
 * more is delivered.
 */
public final class OrderedCompletions<T> {
    private final Consumer<T> onResult;
    private final Consumer<CryptoException> onFailure;
    // lists used as queues (a few entries): ArrayDeque would be one more collection class in the client
    private final List<Slot> waiting = new ArrayList<>();
    private final List<Runnable> whenIdle = new ArrayList<>();
    private boolean draining;
    private boolean closed;

    public OrderedCompletions(Consumer<T> onResult, Consumer<CryptoException> onFailure) {
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    /** Reserves the next place in line; pass the slot as the operation's callback. */
    public CryptoCallback<T> next() {
        Slot slot = new Slot();
        if (!closed) {
            waiting.add(slot);
        }
        return slot;
    }

    /** Operations started and not yet delivered. */
    public int pending() {
        return waiting.size();
    }

    /** Runs {@code task} once everything reserved so far has been delivered (at once if nothing is pending). */
    public void whenIdle(Runnable task) {
        if (waiting.isEmpty()) {
            task.run();
        } else {
            whenIdle.add(task);
        }
    }

    /** Drops whatever is still pending; later completions are ignored. Tasks waiting for idle are dropped too. */
    public void close() {
        closed = true;
        waiting.clear();
        whenIdle.clear();
    }

    private void drain() {
        if (draining) {
            return; // a delivery that completed another slot synchronously: the outer loop continues in order
        }
        draining = true;
        try {
            while (!closed && !waiting.isEmpty() && waiting.get(0).done) {
                Slot slot = waiting.remove(0);
                if (slot.error == null) {
                    onResult.accept(slot.value);
                } else {
                    onFailure.accept(slot.error);
                }
            }
            while (!closed && waiting.isEmpty() && !whenIdle.isEmpty()) {
                whenIdle.remove(0).run();
            }
        } finally {
            draining = false;
        }
    }

    private final class Slot implements CryptoCallback<T> {
        boolean done;
        T value;
        CryptoException error;

        @Override
        public void succeeded(T result) {
            if (done) {
                return;
            }
            done = true;
            value = result;
            drain();
        }

        @Override
        public void failed(CryptoException failure) {
            if (done) {
                return;
            }
            done = true;
            error = failure;
            drain();
        }
    }
}
