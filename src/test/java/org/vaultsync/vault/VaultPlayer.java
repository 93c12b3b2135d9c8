package org.vaultsync.vault;

import java.util.Random;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.sim.SimPeer;
import org.vaultsync.sync.sim.SimRoom;

/** One simulated player: a vault of their own and, while in a room, the binding of that vault to the room. */
final class VaultPlayer {
    final SimPeer peer;
    final VaultStore vault;
    final MemoryVaultStorage storage = new MemoryVaultStorage();
    final RoomVault room;
    final VaultSimDocument doc;

    VaultPlayer(SimRoom sim, long seed) {
        this.peer = sim.addPeer();
        this.doc = (VaultSimDocument) peer.doc;
        this.vault = new VaultStore(storage, sim.network.clock::now, new Random(seed)::nextBytes);
        this.room = new RoomVault(vault, doc.sync, peer.identity::identity, sim.network.clock::now);
    }

    static SimRoom world(long seed) {
        SimRoom sim = new SimRoom(seed);
        sim.documents = VaultSimDocument::new;
        return sim;
    }

    void join(RoomCode code) {
        room.attach(peer.session.events());
        peer.join(code);
    }

    void leave() {
        peer.leave();
        room.detach();
    }

    String id() {
        return peer.identity.identity().id();
    }

    String name() {
        return peer.identity.identity().name();
    }

    SharedItem shared(String itemId) {
        for (SharedItem item : room.sharedByPeers()) {
            if (item.item().id().equals(itemId)) {
                return item;
            }
        }
        return null;
    }
}
