package org.vaultsync.sync.persistence;

import org.vaultsync.common.StorageCallback;
import java.util.List;

/**
 * One room's document on disk, in y-indexeddb's layout (y-webrtc.md §7): a database named after the room with an
 * {@code updates} store of Yjs v1 updates under auto-increment keys and a {@code custom} store. Several tabs may
 * hold the same room's store open at once: every method is safe against another tab appending or compacting
 * meanwhile. Callbacks run on the caller's thread, later (never synchronously).
 */
public interface RoomStore {
    /** Every stored update in key order. */
    void load(StorageCallback<StoredUpdates> callback);

    /** Appends one update; the callback gets its key. */
    void append(byte[] update, StorageCallback<Integer> callback);

    /**
     * In one atomic step, stores {@code state} (an update holding everything the listed keys hold, and more) and
     * deletes exactly the updates under {@code replacedKeys}; updates written meanwhile by another tab are kept.
     * The callback gets the key of the stored state.
     */
    void replace(byte[] state, List<Integer> replacedKeys, StorageCallback<Integer> callback);

    void close();
}
