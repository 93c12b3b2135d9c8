package org.vaultsync.sync.persistence;

/** Where room stores live (IndexedDB in the browser, memory on the JVM). */
public interface RoomStorage {
    void open(String roomName, StoreCallback<RoomStore> callback);

    /** "Forget this room's data": deletes the room's whole store. */
    void delete(String roomName, StoreCallback<Void> callback);
}
