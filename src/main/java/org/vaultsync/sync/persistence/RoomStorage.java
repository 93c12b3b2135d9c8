package org.vaultsync.sync.persistence;

import org.vaultsync.common.StorageCallback;

/** Where room stores live (IndexedDB in the browser, memory on the JVM). */
public interface RoomStorage {
    void open(String roomName, StorageCallback<RoomStore> callback);

    /** "Forget this room's data": deletes the room's whole store. */
    void delete(String roomName, StorageCallback<Void> callback);
}
