package org.vaultsync.sync.persistence;

import java.util.List;

/** What a room's store held when it was read: Yjs v1 updates and their keys, in key (= write) order. */
public record StoredUpdates(List<byte[]> updates, List<Integer> keys) {
    public StoredUpdates {
        if (updates.size() != keys.size()) {
            throw new IllegalArgumentException("one key per update");
        }
    }

    public int size() {
        return updates.size();
    }
}
