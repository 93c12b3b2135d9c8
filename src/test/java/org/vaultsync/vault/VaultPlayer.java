package org.vaultsync.vault;

import java.util.Random;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.sim.SimPeer;
import org.vaultsync.sync.sim.SimRoom;

/** One simulated player: a vault of their own and, while in a room, the binding of that vault to the room. */
final class VaultPlayer {
    final SimPeer peer;
    final VaultStore vault;
    final MemoryVaultStorage storage;
    final RoomVault room;
    final VaultSimDocument doc;

    VaultPlayer(SimRoom sim, long seed) {
        this.storage = new MemoryVaultStorage();
        this.peer = sim.addPeer();
        this.doc = (VaultSimDocument) peer.doc;
        this.vault = new VaultStore(storage, sim.network.clock::now, new Random(seed)::nextBytes);
        this.room = new RoomVault(vault, doc.sync, peer.identity::identity, peer.session::presentName,
                sim.network.clock::now);
    }

    private VaultPlayer(SimRoom sim, SimPeer peer, MemoryVaultStorage storage) {
        this.peer = peer;
        this.doc = (VaultSimDocument) peer.doc;
        this.storage = storage;
        this.vault = VaultStoreTest.reopen(storage);
        this.room = new RoomVault(vault, doc.sync, peer.identity::identity, peer.session::presentName,
                sim.network.clock::now);
    }

    /**
     * This install after "forget this room's data" and a reload: the same vault (re-opened from its storage) and
     * identity (same browser profile), a new, empty room document. Leave first.
     */
    VaultPlayer afterForgettingTheRoom(SimRoom sim) {
        VaultPlayer again = new VaultPlayer(sim, sim.addPeer(peer.node + "-again", peer.browserProfile), storage);
        again.peer.identity.rename(name());
        return again;
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
