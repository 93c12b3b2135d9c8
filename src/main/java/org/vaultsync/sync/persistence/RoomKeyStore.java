package org.vaultsync.sync.persistence;

import org.vaultsync.common.StorageCallback;
import org.vaultsync.crypto.RoomKey;

/**
 * Keeps a password room's key (never its password) on this device, so the room resumes after a reload without
 * asking again. In the browser the key is a non-extractable WebCrypto {@code CryptoKey} stored in the room's own
 * IndexedDB database, so "forget this room's data" forgets the key too.
 */
public interface RoomKeyStore {
    void save(RoomKey key, StorageCallback<Void> callback);

    /** The stored key of {@code roomName}, or null when there is none (or it cannot be used any more). */
    void load(String roomName, StorageCallback<RoomKey> callback);

    void delete(String roomName, StorageCallback<Void> callback);
}
