package org.vaultsync.vault;

/** An item another peer shares in the room, with its owner (for "Shared by peers"). Not part of the vault. */
public record SharedItem(VaultItem item, String ownerId, String ownerName) {
}
