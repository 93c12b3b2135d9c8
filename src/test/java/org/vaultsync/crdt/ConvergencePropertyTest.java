package org.vaultsync.crdt;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.update.InvalidUpdateException;

/**
 * Replicas that see the same updates converge, whatever the order: random map/array edits on 2-5 documents, with
 * updates delivered in random order, some delivered twice, some only as full-state syncs.
 */
class ConvergencePropertyTest {
    private static final SecureRandomBytes RANDOM = new SecureRandomBytes();

    @Property(tries = 400)
    void replicasConvergeToIdenticalJsonAndBytes(@ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int docCount,
            @ForAll boolean gc) throws InvalidUpdateException {
        ConvergenceScenario.run(seed, docCount, gc, RANDOM);
    }
}
