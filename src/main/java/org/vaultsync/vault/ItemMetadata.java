package org.vaultsync.vault;

/** Per-item bookkeeping of the store (local only): {@code version} is 1 when added and grows by 1 per update. */
public record ItemMetadata(String itemId, SyncState syncState, int version) {
}
