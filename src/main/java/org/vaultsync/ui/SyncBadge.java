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
        switch (state) {
            case SYNCED:
                return "Synced";
            case PENDING:
                return "Pending";
            case SYNCING:
                return "Syncing";
            case CONFLICT:
                return "Conflict";
            default:
                return "Not shared";
        }
    }

    public String getSymbol() {
        switch (state) {
            case SYNCED:
                return "\u2713";
            case PENDING:
                return "\u2026";
            case SYNCING:
                return "\u21bb";
            case CONFLICT:
                return "!";
            default:
                return "\u2013";
        }
    }

    public String getTooltip() {
        switch (state) {
            case SYNCED:
                return "Shared, and a peer in the room has your latest change";
            case PENDING:
                return "Shared; waiting until a peer in a room has your latest change";
            case SYNCING:
                return "Shared; the room is exchanging changes right now";
            case CONFLICT:
                return "A peer changed the same field at the same time; open the item to keep either value";
            default:
                return "Sync is off: this item stays on this device";
        }
    }

    /** The whole sentence for screen readers, e.g. "Sync state: Pending. Shared; waiting …". */
    public String getSpoken() {
        return "Sync state: " + getLabel() + ". " + getTooltip() + ".";
    }

    public String getCssClass() {
        return "badge badge-" + state.wire();
    }
}
