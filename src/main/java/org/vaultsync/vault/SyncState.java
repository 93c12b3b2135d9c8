package org.vaultsync.vault;

/** Where an item stands with the room (product.md §3). Local only: never shared. */
public enum SyncState {
    /** A peer holds the item's latest change. */
    SYNCED("synced"),
    /** Shared, but no peer is known to hold the latest change yet. */
    PENDING("pending"),
    /** The room's initial sync is running. */
    SYNCING("syncing"),
    /** A peer's concurrent edit of a field won over ours; both values are kept until the user picks one. */
    CONFLICT("conflict"),
    /** Not shared. */
    DISABLED("disabled");

    private final String wire;

    SyncState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static SyncState byWire(String wire) {
        for (SyncState state : values()) {
            if (state.wire.equals(wire)) {
                return state;
            }
        }
        return null;
    }
}
