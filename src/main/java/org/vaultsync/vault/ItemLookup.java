package org.vaultsync.vault;

/** Finds items by id (the local vault, or the items shared in a room). */
@FunctionalInterface
public interface ItemLookup {
    /** The item with {@code id}, or null. */
    VaultItem find(String id);
}
