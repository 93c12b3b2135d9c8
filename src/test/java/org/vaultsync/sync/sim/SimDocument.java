package org.vaultsync.sync.sim;

import java.util.Random;
import org.vaultsync.sync.SyncDocument;

/** A document a simulated peer edits at random: the op-log CRDT or the real Yjs engine. */
public interface SimDocument extends SyncDocument {
    void randomEdit(Random random, int size);

    /** Equal on converged replicas. */
    String fingerprint();

    /** How many edits it holds, or -1 when the document cannot count them (last-writer-wins maps). */
    int editCount();
}
