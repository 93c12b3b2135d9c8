package org.vaultsync.sync.persistence;

import org.vaultsync.common.StorageCallback;
import java.util.HashMap;
import java.util.Map;
import org.vaultsync.common.Scheduler;
import org.vaultsync.crypto.RoomKey;

/** Room keys in memory, with the asynchronous shape of the browser's store (JVM tests and tools). */
public final class MemoryRoomKeyStore implements RoomKeyStore {
    private final Scheduler scheduler;
    private final Map<String, RoomKey> keys = new HashMap<>();

    public MemoryRoomKeyStore(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public boolean holds(String roomName) {
        return keys.containsKey(roomName);
    }

    @Override
    public void save(RoomKey key, StorageCallback<Void> callback) {
        keys.put(key.roomName(), key);
        scheduler.schedule(0, () -> callback.done(null));
    }

    @Override
    public void load(String roomName, StorageCallback<RoomKey> callback) {
        RoomKey key = keys.get(roomName);
        scheduler.schedule(0, () -> callback.done(key));
    }

    @Override
    public void delete(String roomName, StorageCallback<Void> callback) {
        keys.remove(roomName);
        scheduler.schedule(0, () -> callback.done(null));
    }
}
