package org.vaultsync.presence;

import java.util.List;

/**
 * Which clients an awareness operation touched. {@code updated} lists every client whose clock moved (y-protocols'
 * "update" event: what must be forwarded); {@code changed()} tells whether any state really differs ("change").
 */
public record AwarenessChange(List<Integer> added, List<Integer> updated, List<Integer> removed, boolean changed) {
    public AwarenessChange {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        removed = List.copyOf(removed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && updated.isEmpty() && removed.isEmpty();
    }

    /** added + updated + removed: the clients whose entries an update message must carry. */
    public List<Integer> touched() {
        java.util.ArrayList<Integer> all = new java.util.ArrayList<>(added);
        all.addAll(updated);
        all.addAll(removed);
        return all;
    }
}
