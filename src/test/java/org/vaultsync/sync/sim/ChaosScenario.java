package org.vaultsync.sync.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.vaultsync.room.RoomCode;

/**
 * One seeded run of a hostile room: peers join at random times, edit concurrently, the network loses, duplicates,
 * delays and reorders data-channel messages, partitions come and heal, the signaling server restarts, peers leave
 * and rejoin. At the end faults stop being introduced (loss stays), everyone rejoins, and the room must converge
 * with every edit ever made present everywhere. Everything derives from the seed, so a failure replays exactly.
 */
public final class ChaosScenario {
    public static final RoomCode ROOM = SimRoom.code("CHAXS2");

    public final long seed;
    public final int peerCount;
    public final SimRoom sim;
    public int edits;
    public int partitions;
    public int leaves;
    public int serverRestarts;
    public long convergenceMillis = -1;
    private final Random random;

    public ChaosScenario(long seed, int peerCount) {
        this(seed, peerCount, false);
    }

    public ChaosScenario(long seed, int peerCount, boolean yjsEngine) {
        this.seed = seed;
        this.peerCount = peerCount;
        this.sim = new SimRoom(seed);
        if (yjsEngine) {
            sim.useYjsEngine();
        }
        this.random = new Random(seed * 31 + 7);
        sim.antiEntropyInterval = Long.getLong("sim.antiEntropy", 5_000);
        sim.peers.hostile = true;
        sim.network.loss = random.nextDouble() * 0.15;
        sim.network.duplication = random.nextDouble() * 0.1;
        sim.network.maxDelay = 5 + random.nextInt(200);
    }

    /**
     * Receivers confirm updates to their sender (as the vault turns on), on the Yjs engine: answers to those step 1s
     * leave out deletions sent before on the same channel, and must still bring every deletion everywhere.
     */
    public ChaosScenario withConfirmations() {
        sim.documents = (clientId, docSeed) -> {
            YSimDocument doc = new YSimDocument(clientId, docSeed);
            doc.sync.setConfirmsReceivedUpdates(true);
            return doc;
        };
        return this;
    }

    /**
     * Data channels reliable and ordered (as WebRTC's) and no periodic exchange: only connection opens, updates,
     * confirmations and targeted repairs carry anything, so what a peer is assumed to hold must really be there.
     */
    public ChaosScenario reliableWithoutPeriodicExchange() {
        sim.peers.hostile = false;
        sim.antiEntropyInterval = 0;
        return this;
    }

    /** Runs the chaos phase then the settling phase; returns true if the room converged completely. */
    public boolean run(int steps, long maxSettleMillis) {
        for (int i = 0; i < peerCount; i++) {
            sim.addPeer();
        }
        Set<SimPeer> partitioned = new HashSet<>();
        int healAt = -1;
        int serverBackAt = -1;
        for (int step = 0; step < steps; step++) {
            for (SimPeer peer : sim.members) {
                if (!peer.inRoom() && !leftOnPurpose.contains(peer) && random.nextInt(4) == 0) {
                    peer.join(ROOM);
                }
            }
            List<SimPeer> present = sim.inRoom();
            int editsNow = random.nextInt(3);
            for (int e = 0; e < editsNow && !present.isEmpty(); e++) {
                present.get(random.nextInt(present.size())).edit(1 + random.nextInt(300));
                edits++;
            }
            // offline edits too: a peer that left keeps editing its own copy
            for (SimPeer peer : leftOnPurpose) {
                if (random.nextInt(5) == 0) {
                    peer.edit(1 + random.nextInt(100));
                    edits++;
                }
            }
            int dice = random.nextInt(100);
            if (dice < 4 && healAt < 0 && present.size() >= 2) {
                Set<String> side = new HashSet<>();
                for (SimPeer peer : sim.members) {
                    if (random.nextBoolean()) {
                        side.add(peer.node);
                    }
                }
                if (random.nextBoolean()) {
                    side.add(MemorySignalingServer.NODE);
                }
                sim.network.partition(List.of(side));
                partitions++;
                healAt = step + 2 + random.nextInt(60);
            } else if (dice < 7 && !present.isEmpty()) {
                SimPeer leaver = present.get(random.nextInt(present.size()));
                leaver.leave();
                leftOnPurpose.add(leaver);
                leaves++;
            } else if (dice < 12 && !leftOnPurpose.isEmpty()) {
                SimPeer back = leftOnPurpose.remove(random.nextInt(leftOnPurpose.size()));
                back.join(ROOM);
            } else if (dice < 13 && serverBackAt < 0) {
                sim.server.stop();
                serverRestarts++;
                serverBackAt = step + 1 + random.nextInt(20);
            }
            if (step == healAt) {
                sim.network.heal();
                healAt = -1;
            }
            if (step == serverBackAt) {
                sim.server.start();
                serverBackAt = -1;
            }
            sim.run(250 + random.nextInt(500));
        }
        sim.network.heal();
        sim.server.start();
        for (SimPeer peer : sim.members) {
            if (!peer.inRoom()) {
                peer.join(ROOM);
            }
        }
        leftOnPurpose.clear();
        long start = sim.network.clock.now();
        while (sim.network.clock.now() - start < maxSettleMillis) {
            if (complete()) {
                convergenceMillis = sim.network.clock.now() - start;
                return true;
            }
            sim.retryFailed();
            sim.run(500);
        }
        return complete();
    }

    private final List<SimPeer> leftOnPurpose = new ArrayList<>();

    /** Converged and nothing lost: every peer holds every edit anyone made. */
    public boolean complete() {
        if (!sim.converged()) {
            return false;
        }
        for (SimPeer peer : sim.members) {
            int held = peer.doc.editCount();
            if (held >= 0 && held != edits) {
                return false;
            }
        }
        return true;
    }

    public String summary() {
        return "seed=" + seed + " peers=" + peerCount + " edits=" + edits + " partitions=" + partitions
                + " leaves=" + leaves + " serverRestarts=" + serverRestarts + " loss="
                + String.format("%.3f", sim.network.loss) + " dup=" + String.format("%.3f", sim.network.duplication)
                + " maxDelay=" + sim.network.maxDelay + " converged in " + convergenceMillis + " ms";
    }
}
