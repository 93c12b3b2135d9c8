package org.vaultsync.crdt.update;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a document received but could not apply yet, kept as encoded updates (as Yjs keeps them): structs whose
 * dependencies are missing, with the lowest missing clock per client, and deletions of unknown clocks.
 */
public final class PendingUpdates {
    byte[] structs;
    final Map<Integer, Integer> missing = new LinkedHashMap<>();
    byte[] deleteSet;

    public boolean isEmpty() {
        return structs == null && deleteSet == null;
    }

    /** The encoded pending structs, or null. */
    public byte[] structs() {
        return structs;
    }

    /** The encoded pending deletions (an update without structs), or null. */
    public byte[] deleteSet() {
        return deleteSet;
    }

    /** Per client, the clock the pending structs wait for. */
    public Map<Integer, Integer> missing() {
        return Collections.unmodifiableMap(missing);
    }
}
