package org.vaultsync.sync.persistence;

import org.vaultsync.common.StorageCallback;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vaultsync.common.Scheduler;

/**
 * Room stores in memory, with IndexedDB's shape: auto-increment keys per room, asynchronous callbacks (on the
 * scheduler), and a store shared by everyone who opens the same room name (like tabs sharing one profile).
 * Used where there is no browser: JVM tests and tools.
 */
public final class MemoryRoomStorage implements RoomStorage {
    private final Scheduler scheduler;
    private final Map<String, Database> databases = new HashMap<>();

    public MemoryRoomStorage(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    private static final class Database {
        final TreeMap<Integer, byte[]> updates = new TreeMap<>();
        int nextKey = 1;
        /** The last full state's key, as the IndexedDB store records it in its {@code custom} store. */
        int stateKey;
    }

    /** The updates currently stored for a room (copies), for tests. */
    public List<byte[]> contents(String roomName) {
        Database database = databases.get(roomName);
        List<byte[]> out = new ArrayList<>();
        if (database != null) {
            database.updates.values().forEach(update -> out.add(update.clone()));
        }
        return out;
    }

    @Override
    public void open(String roomName, StorageCallback<RoomStore> callback) {
        Database database = databases.computeIfAbsent(roomName, name -> new Database());
        scheduler.schedule(0, () -> callback.done(new Store(database)));
    }

    @Override
    public void delete(String roomName, StorageCallback<Void> callback) {
        databases.remove(roomName);
        scheduler.schedule(0, () -> callback.done(null));
    }

    private final class Store implements RoomStore {
        private final Database database;

        Store(Database database) {
            this.database = database;
        }

        @Override
        public void load(StorageCallback<StoredUpdates> callback) {
            List<byte[]> updates = new ArrayList<>();
            List<Integer> keys = new ArrayList<>();
            database.updates.forEach((key, update) -> {
                keys.add(key);
                updates.add(update.clone());
            });
            int stateKey = database.stateKey;
            scheduler.schedule(0, () -> callback.done(new StoredUpdates(updates, keys, stateKey)));
        }

        @Override
        public void append(byte[] update, StorageCallback<Integer> callback) {
            int key = database.nextKey++;
            database.updates.put(key, update.clone());
            scheduler.schedule(0, () -> callback.done(key));
        }

        @Override
        public void replace(byte[] state, List<Integer> replacedKeys, StorageCallback<Integer> callback) {
            int key = database.nextKey++;
            database.updates.put(key, state.clone());
            replacedKeys.forEach(database.updates::remove);
            database.stateKey = key;
            scheduler.schedule(0, () -> callback.done(key));
        }

        @Override
        public void close() {
        }
    }
}
