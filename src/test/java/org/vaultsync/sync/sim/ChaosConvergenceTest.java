package org.vaultsync.sync.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Seeded chaos runs must all converge. A failure names its seed; replay it alone with
 * {@code -Dsim.seed=<seed> -Dsim.peers=<n>} (see {@link #replaySingleSeedWhenAsked}).
 */
class ChaosConvergenceTest {
    /** Runs on a small op-log document that counts edits, so "nothing lost" is checked edit by edit. */
    private static final int RUNS = Integer.getInteger("sim.runs", 300);

    static int peersFor(long seed) {
        // mostly small rooms, regularly up to 20
        int roll = (int) Math.floorMod(seed * 2654435761L, 100);
        return roll < 60 ? 2 + roll % 4 : roll < 90 ? 6 + roll % 7 : 13 + roll % 8;
    }

    @Test
    void seededChaosRunsLoseNoEdit() {
        long started = System.nanoTime();
        long totalEdits = 0;
        long slowest = 0;
        for (long seed = 1; seed <= RUNS; seed++) {
            ChaosScenario run = new ChaosScenario(seed, peersFor(seed));
            boolean ok = run.run(40, 600_000);
            assertTrue(ok, () -> "did not converge: " + run.summary() + "\n" + run.sim.describe()
                    + "\nreplay: -Dsim.seed=" + run.seed + " -Dsim.peers=" + run.peerCount);
            totalEdits += run.edits;
            slowest = Math.max(slowest, run.convergenceMillis);
        }
        System.out.println(RUNS + " chaos runs, " + totalEdits + " edits, slowest settle " + slowest
                + " ms virtual, " + (System.nanoTime() - started) / 1_000_000 + " ms wall");
    }

    @Test
    void twoThousandSeededChaosRunsWithTheYjsEngineConverge() {
        int runs = Integer.getInteger("sim.yjsRuns", 2000);
        long started = System.nanoTime();
        for (long seed = 1; seed <= runs; seed++) {
            ChaosScenario run = new ChaosScenario(seed, peersFor(seed), true);
            boolean ok = run.run(40, 600_000);
            assertTrue(ok, () -> "Yjs engine did not converge: " + run.summary() + "\n" + run.sim.describe()
                    + "\nreplay: -Dsim.seed=" + run.seed + " -Dsim.peers=" + run.peerCount + " -Dsim.yjs=true");
        }
        System.out.println(runs + " chaos runs on the Yjs engine, " + (System.nanoTime() - started) / 1_000_000
                + " ms wall");
    }

    @Test
    void confirmedRoomsConvergeWithEveryDeletionOnReliableChannelsWithoutThePeriodicExchange() {
        int runs = Integer.getInteger("sim.confirmRuns", 400);
        for (long seed = 1; seed <= runs; seed++) {
            ChaosScenario run = new ChaosScenario(seed, peersFor(seed), true).withConfirmations()
                    .reliableWithoutPeriodicExchange();
            boolean ok = run.run(40, 600_000);
            assertTrue(ok, () -> "did not converge: " + run.summary() + "\n" + run.sim.describe());
        }
    }

    @Test
    void confirmedRoomsConvergeWithEveryDeletionOnALossyNetwork() {
        int runs = Integer.getInteger("sim.confirmRuns", 400);
        for (long seed = 1; seed <= runs; seed++) {
            ChaosScenario run = new ChaosScenario(seed, peersFor(seed), true).withConfirmations();
            boolean ok = run.run(40, 600_000);
            assertTrue(ok, () -> "did not converge: " + run.summary() + "\n" + run.sim.describe());
        }
    }

    @Test
    void aSeedReplaysIdentically() {
        ChaosScenario first = new ChaosScenario(424242, 8);
        ChaosScenario second = new ChaosScenario(424242, 8);
        first.run(40, 600_000);
        second.run(40, 600_000);
        assertEquals(first.summary(), second.summary());
        assertEquals(first.sim.describe(), second.sim.describe());
        assertEquals(first.sim.peers.messagesSent, second.sim.peers.messagesSent);
    }

    @Test
    void replaySingleSeedWhenAsked() {
        Long seed = Long.getLong("sim.seed");
        if (seed == null) {
            return;
        }
        ChaosScenario run = new ChaosScenario(seed, Integer.getInteger("sim.peers", peersFor(seed)),
                Boolean.getBoolean("sim.yjs"));
        boolean ok = run.run(40, 600_000);
        System.out.println(run.summary() + "\n" + run.sim.describe());
        assertTrue(ok);
    }
}
