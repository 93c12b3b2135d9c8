package org.vaultsync.ui;

import org.vaultsync.presence.LocalIdentity;
import org.vaultsync.presence.PeerIdentity;

/** One person in the room's peer list: name, the colour that marks them everywhere, and whether it is us. */
public final class PeerRow {
    private final PeerIdentity peer;
    private final boolean you;

    PeerRow(PeerIdentity peer, boolean you) {
        this.peer = peer;
        this.you = you;
    }

    public String getName() {
        return you ? peer.name() + " (you)" : peer.name();
    }

    /** The peer's announced colour; one derived from the id when a plain Yjs client announced none. */
    public String getColorStyle() {
        String color = peer.color().startsWith("#") && peer.color().length() <= 9 ? peer.color()
                : LocalIdentity.colorFor(peer.id());
        return "background:" + color;
    }

    public boolean isYou() {
        return you;
    }
}
