package org.vaultsync.vault;

/**
 * A field where a peer's concurrent edit won over ours: {@code theirs} overwrote {@code mine} without having seen
 * it. The item shows {@code theirs} (every replica agrees on it); the user keeps either with
 * {@link RoomVault#keepMine} or {@link RoomVault#keepTheirs}. {@code field} is "name" or a data field's key.
 */
public record FieldConflict(String itemId, String field, Object mine, Object theirs, String theirsBy) {
}
