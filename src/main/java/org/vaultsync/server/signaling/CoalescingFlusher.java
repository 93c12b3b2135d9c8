package org.vaultsync.server.signaling;

import java.util.concurrent.LinkedTransferQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes connections' batched frames to their sockets on a few dedicated threads. A publish only copies its frame
 * into each subscriber's batch and asks for a flush; frames that reach the same subscriber while its flush waits
 * for a thread leave in the same socket write. Under light load a flush follows within microseconds; under heavy
 * load the wait grows and so does the batch, which turns one write system call (and one loopback or network
 * segment) per delivery into one per several deliveries: the delivery path's dominant cost. A connection that
 * receives only now and then is flushed by the caller at once instead (see {@link SignalingSession}), since there is
 * nothing to batch its frame with and the hand-over would only add a thread wake-up to its latency.
 *
 * <p>Each connection has one lane (by id), so its flushes run in order on one thread.
 */
final class CoalescingFlusher {
    private static final Logger LOG = LoggerFactory.getLogger(CoalescingFlusher.class);

    private final LinkedTransferQueue<SignalingSession>[] lanes;
    private final Thread[] threads;
    private volatile boolean stopped;

    @SuppressWarnings("unchecked")
    CoalescingFlusher(int threadCount) {
        if (threadCount <= 0) {
            throw new IllegalArgumentException("threadCount must be positive, got " + threadCount);
        }
        lanes = new LinkedTransferQueue[threadCount];
        threads = new Thread[threadCount];
        for (int i = 0; i < threadCount; i++) {
            LinkedTransferQueue<SignalingSession> lane = new LinkedTransferQueue<>();
            lanes[i] = lane;
            threads[i] = new Thread(() -> drain(lane), "signaling-flush-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
    }

    /** One lane per core: flushing is mostly system calls, and more threads than cores would only contend. */
    static CoalescingFlusher perCore() {
        return new CoalescingFlusher(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** Called by a connection that has just batched frames and has no flush pending yet. */
    void request(SignalingSession session) {
        if (!stopped) {
            lanes[(int) Long.remainderUnsigned(session.id(), lanes.length)].add(session);
        }
    }

    private void drain(LinkedTransferQueue<SignalingSession> lane) {
        while (!stopped) {
            SignalingSession session;
            try {
                session = lane.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                session.flushBatched();
            } catch (RuntimeException e) {
                // One connection's failure must not stop the lane that flushes thousands of others.
                LOG.warn("event=flush_failed connection={} error={}", session.id(), e.toString());
            }
        }
    }

    void stop() {
        stopped = true;
        for (Thread thread : threads) {
            thread.interrupt();
        }
    }
}
