package org.vaultsync.sync.persistence;

import java.util.List;

/**
 * What a room's store held when it was read: Yjs v1 updates and their keys, in key (= write) order, and the key of
 * the last full state this app wrote there ({@code stateKey}, 0 if none is known: a store written by y-indexeddb or
 * by an earlier version). The other updates are changes made since, or made by another tab meanwhile.
 */
public record StoredUpdates(List<byte[]> updates, List<Integer> keys, int stateKey) {
    public StoredUpdates {
        if (updates.size() != keys.size()) {
            throw new IllegalArgumentException("one key per update");
        }
    }

    public int size() {
        return updates.size();
    }
}
