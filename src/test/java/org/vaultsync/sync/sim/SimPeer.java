package org.vaultsync.sync.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vaultsync.presence.LocalIdentity;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.ConnectionState;
import org.vaultsync.sync.RoomSession;
import org.vaultsync.sync.SyncEvent;

/** One simulated install: its own identity, document and {@link RoomSession}, wired to the simulated network. */
public final class SimPeer {
    public final String node;
    public final int clientId;
    public final SimDocument doc;
    public final RoomSession session;
    public final LocalIdentity identity;
    /** Tabs of one profile share localStorage (one identity) and a BroadcastChannel. */
    public final String browserProfile;
    public final List<SyncEvent> events = new ArrayList<>();
    private final Random random;
    private RoomCode room;

    SimPeer(SimRoom sim, String node, String browserProfile, long seed) {
        this.node = node;
        this.browserProfile = browserProfile;
        this.sim = sim;
        this.random = new Random(seed);
        this.clientId = random.nextInt() & 0x7FFFFFFF | 1;
        this.doc = sim.documents.create(clientId, random.nextLong());
        // tabs of one browser profile share localStorage, hence one install identity
        this.identity = LocalIdentity.load(sim.preferencesOf(browserProfile), random::nextBytes);
        identity.rename("Pilot " + node);
        this.session = new RoomSession(sim.server.transportFor(node), sim.peers.transportFor(node),
                sim.broadcasts.transportFor(browserProfile), sim.network.clock, random::nextDouble,
                random::nextBytes, identity, sim.antiEntropyInterval);
        session.events().add(events::add);
    }

    private final SimRoom sim;

    public void join(RoomCode code) {
        room = code;
        session.join(code, doc, clientId);
    }

    public void join(RoomCode code, org.vaultsync.sync.RoomAccess access) {
        room = code;
        session.join(code, doc, clientId, access);
    }

    /** Joins a password room with the key derived from {@code password} (data channels encrypted). */
    public void joinWithPassword(RoomCode code, String password) {
        join(code, org.vaultsync.sync.RoomAccess.password(sim.roomKey(password, code)));
    }

    public void leave() {
        room = null;
        session.leave();
    }

    public boolean inRoom() {
        return room != null;
    }

    public void edit(int bytes) {
        doc.randomEdit(random, bytes);
    }

    public ConnectionState state() {
        return session.status().state();
    }

    @Override
    public String toString() {
        return node + "(" + state() + ", edits " + doc.editCount() + ")";
    }
}
