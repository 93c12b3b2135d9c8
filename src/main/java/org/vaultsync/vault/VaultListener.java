package org.vaultsync.vault;

/** Told about every change of the vault, synchronously, after it happened (the UI, the room binding, other tabs). */
@FunctionalInterface
public interface VaultListener {
    void onChange(VaultChange change);

    /** Writing the vault to storage failed; the change is kept in memory but may not survive a reload. */
    default void onStorageError(String message) {
    }
}
