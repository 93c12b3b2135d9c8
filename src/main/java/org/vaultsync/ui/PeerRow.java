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

    /**
     * The peer's colour as a class of sync.css ({@code peer-c0} ... {@code peer-c11}): the page's CSP forbids inline
     * styles. A colour outside the palette (another app's peer) is replaced by the one derived from the peer's id.
     */
    public String getColorClass() {
        int index = LocalIdentity.paletteIndex(peer.color());
        return "peer-dot peer-c" + (index >= 0 ? index : LocalIdentity.paletteIndex(LocalIdentity.colorFor(peer.id())));
    }

    public boolean isYou() {
        return you;
    }
}
