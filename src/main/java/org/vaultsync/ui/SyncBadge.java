package org.vaultsync.ui;

import org.vaultsync.ui.bind.BadgeLook;
import org.vaultsync.vault.SyncState;

/**
 * How an item's sync state looks: a short label with a colour and a symbol (so it does not rest on colour alone), a
 * tooltip that says what the state means, and the sentence a screen reader reads.
 */
public final class SyncBadge implements BadgeLook {
    private final SyncState state;

    public SyncBadge(SyncState state) {
        this.state = state;
    }

    public String getLabel() {
        return pick("Synced", "Pending", "Syncing", "Conflict", "Not shared");
    }

    public String getSymbol() {
        return pick("\u2713", "\u2026", "\u21bb", "!", "\u2013");
    }

    public String getTooltip() {
        return pick("Shared, and a peer in the room has your latest change",
                "Shared; waiting until a peer in a room has your latest change",
                "Shared; the room is exchanging changes right now",
                "A peer changed the same field at the same time; open the item to keep either value",
                "Sync is off: this item stays on this device");
    }

    /**
     * The text for this badge's state. Tested with {@code ==}, not a {@code switch}: a switch on another class's enum
     * compiles to a synthetic switch-map class of its own (bytes in the shipped client, docs/benchmarks/size.md).
     */
    private String pick(String synced, String pending, String syncing, String conflict, String off) {
        return state == SyncState.SYNCED ? synced
                : state == SyncState.PENDING ? pending
                : state == SyncState.SYNCING ? syncing
                : state == SyncState.CONFLICT ? conflict : off;
    }

    /** The whole sentence for screen readers, e.g. "Sync state: Pending. Shared; waiting …". */
    public String getSpoken() {
        return "Sync state: " + getLabel() + ". " + getTooltip() + ".";
    }

    public String getCssClass() {
        return "badge badge-" + state.wire();
    }
}
