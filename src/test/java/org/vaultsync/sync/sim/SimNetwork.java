package org.vaultsync.sync.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.vaultsync.sync.VirtualScheduler;

/**
 * A seeded, virtual-time network between named nodes (peers and the signaling server). Ordered streams (the
 * signaling WebSocket, reliable data channels) are reliable like TCP/SCTP: across a partition their frames wait and
 * are retransmitted, in order, once the path heals; only the connection owner breaking the connection (after its
 * detection timeout) loses them. Datagrams (data-channel messages in hostile mode) can be lost, duplicated and
 * reordered. Every random choice comes from one seed, so a failing run replays exactly.
 */
public final class SimNetwork {
    public final VirtualScheduler clock;
    public final Random random;
    public double loss;
    public double duplication;
    public long minDelay = 1;
    public long maxDelay = 20;
    private final Map<String, Integer> groups = new HashMap<>();
    /** Ordered streams by key, each with the frames not yet delivered in send order. */
    private final Map<String, Stream> streams = new LinkedHashMap<>();
    private final List<Runnable> partitionListeners = new ArrayList<>();
    public long datagramsSent;
    public long datagramsDelivered;

    public SimNetwork(long seed) {
        this.random = new Random(seed);
        this.clock = new VirtualScheduler(1_700_000_000_000L);
    }

    private final Set<String> blockedPairs = new java.util.HashSet<>();

    /** Cuts the direct path between two nodes only (both still reach everyone else). */
    public void block(String a, String b) {
        blockedPairs.add(a + "|" + b);
        blockedPairs.add(b + "|" + a);
        changed();
    }

    public boolean reachable(String a, String b) {
        if (blockedPairs.contains(a + "|" + b)) {
            return false;
        }
        return groups.getOrDefault(a, 0).equals(groups.getOrDefault(b, 0));
    }

    /** Splits the network: nodes in different sets cannot reach each other; unlisted nodes stay in group 0. */
    public void partition(List<Set<String>> sides) {
        groups.clear();
        for (int i = 0; i < sides.size(); i++) {
            for (String node : sides.get(i)) {
                groups.put(node, i + 1);
            }
        }
        changed();
    }

    public void heal() {
        groups.clear();
        blockedPairs.clear();
        changed();
    }

    private void changed() {
        retransmitHealedStreams();
        partitionListeners.forEach(Runnable::run);
    }

    public void onPartitionChange(Runnable listener) {
        partitionListeners.add(listener);
    }

    public long delay() {
        return minDelay + (maxDelay > minDelay ? (long) random.nextInt((int) (maxDelay - minDelay + 1)) : 0);
    }

    /**
     * Reliable, ordered delivery on the stream {@code streamKey}. While the nodes cannot reach each other the frame
     * (and every later one on the stream) waits and goes out again when the path heals, as TCP and SCTP retransmit;
     * the caller's delivery decides whether its connection still exists by then.
     */
    public void deliverOrdered(String streamKey, String from, String to, Runnable delivery) {
        Stream stream = streams.computeIfAbsent(streamKey, k -> new Stream());
        long at = Math.max(clock.now() + delay(), stream.lastAt);
        stream.lastAt = at;
        stream.frames.add(new Frame(from, to, delivery, at));
        pump(stream);
    }

    /** Frames of ordered streams waiting for a partition to heal. */
    public int stalledFrames() {
        int count = 0;
        for (Stream stream : streams.values()) {
            count += stream.stalled ? stream.frames.size() : 0;
        }
        return count;
    }

    private void pump(Stream stream) {
        Frame head = stream.frames.peek();
        if (stream.inFlight || head == null) {
            return;
        }
        if (!reachable(head.from, head.to)) {
            stream.stalled = true;
            return;
        }
        if (stream.stalled) { // retransmission: everything waiting leaves again, in order
            stream.stalled = false;
            long at = clock.now();
            for (Frame frame : stream.frames) {
                at = Math.max(clock.now() + delay(), at);
                frame.at = at;
            }
            stream.lastAt = at;
        }
        stream.inFlight = true;
        clock.schedule(head.at - clock.now(), () -> {
            stream.inFlight = false;
            if (reachable(head.from, head.to)) {
                stream.frames.poll();
                head.delivery.run();
            } else {
                stream.stalled = true; // lost on the way; sent again once the path heals
            }
            pump(stream);
        });
    }

    private void retransmitHealedStreams() {
        for (Stream stream : new ArrayList<>(streams.values())) {
            if (stream.stalled) {
                pump(stream);
            }
        }
    }

    private static final class Stream {
        final ArrayDeque<Frame> frames = new ArrayDeque<>();
        long lastAt;
        boolean inFlight;
        boolean stalled;
    }

    private static final class Frame {
        final String from;
        final String to;
        final Runnable delivery;
        long at;

        Frame(String from, String to, Runnable delivery, long at) {
            this.from = from;
            this.to = to;
            this.delivery = delivery;
            this.at = at;
        }
    }

    /** Best-effort delivery with loss, duplication and independent delays (hence reordering). */
    public void deliverDatagram(String from, String to, Runnable delivery) {
        datagramsSent++;
        if (!reachable(from, to) || (loss > 0 && random.nextDouble() < loss)) {
            return;
        }
        int copies = duplication > 0 && random.nextDouble() < duplication ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            clock.schedule(delay(), () -> {
                if (reachable(from, to)) {
                    datagramsDelivered++;
                    delivery.run();
                }
            });
        }
    }
}
