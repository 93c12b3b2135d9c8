package org.vaultsync.sync.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.vaultsync.sync.VirtualScheduler;

/**
 * A seeded, virtual-time network between named nodes (peers and the signaling server). Ordered streams (the
 * signaling WebSocket) only suffer delay and partitions; datagrams (data-channel messages in hostile mode) can also
 * be lost, duplicated and reordered. Every random choice comes from one seed, so a failing run replays exactly.
 */
public final class SimNetwork {
    public final VirtualScheduler clock;
    public final Random random;
    public double loss;
    public double duplication;
    public long minDelay = 1;
    public long maxDelay = 20;
    private final Map<String, Integer> groups = new HashMap<>();
    private final Map<String, Long> lastOrderedDelivery = new HashMap<>();
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
        partitionListeners.forEach(Runnable::run);
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
        partitionListeners.forEach(Runnable::run);
    }

    public void heal() {
        groups.clear();
        blockedPairs.clear();
        partitionListeners.forEach(Runnable::run);
    }

    public void onPartitionChange(Runnable listener) {
        partitionListeners.add(listener);
    }

    public long delay() {
        return minDelay + (maxDelay > minDelay ? (long) random.nextInt((int) (maxDelay - minDelay + 1)) : 0);
    }

    /** Reliable, ordered delivery on the stream {@code streamKey}; dropped if the nodes cannot reach each other. */
    public void deliverOrdered(String streamKey, String from, String to, Runnable delivery) {
        if (!reachable(from, to)) {
            return;
        }
        long at = Math.max(clock.now() + delay(), lastOrderedDelivery.getOrDefault(streamKey, 0L));
        lastOrderedDelivery.put(streamKey, at);
        clock.schedule(at - clock.now(), () -> {
            if (reachable(from, to)) {
                delivery.run();
            }
        });
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
