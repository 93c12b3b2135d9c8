package org.vaultsync.vault;

import org.vaultsync.common.StorageCallback;
import java.util.Map;

/**
 * Where a vault persists, one record per item (the item's JSON text, see {@link ItemRecords}). Every operation is
 * asynchronous, as IndexedDB is: the result comes through the callback, possibly later, on the caller's thread.
 * Operations issued one after the other must take effect in that order (IndexedDB transactions on one object
 * store do). In the browser: a database {@code vault-sync-vault} with an object store {@code items} keyed by id.
 */
public interface VaultStorage {
    /** Every stored record, by item id. */
    void loadAll(StorageCallback<Map<String, String>> done);

    /** Stores (adds or replaces) the record of item {@code id}. */
    void put(String id, String record, StorageCallback<Void> done);

    /** Deletes the record of item {@code id}; deleting a missing record is not an error. */
    void delete(String id, StorageCallback<Void> done);
}
