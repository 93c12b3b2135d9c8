package org.vaultsync.vault;

/**
 * One change of the vault as listeners see it: {@code before} is null for an addition, {@code after} null for a
 * removal. {@code origin} says who made it, so the room binding republishes only what the user did.
 */
public record VaultChange(Kind kind, String itemId, VaultItem before, VaultItem after, Origin origin) {
    public enum Kind { ADDED, UPDATED, REMOVED }

    public enum Origin {
        /** The user, through the store API (also imports). */
        USER,
        /** A peer's edit of a shared item, from the room. */
        PEER,
        /** Only the sync state changed. */
        SYNC,
        /** Another tab of this browser changed the stored vault. */
        OTHER_TAB
    }
}
