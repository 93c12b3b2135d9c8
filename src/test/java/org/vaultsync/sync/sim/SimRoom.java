package org.vaultsync.sync.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.ConnectionState;
import org.vaultsync.sync.RoomSync;

/** A seeded simulated world: one signaling server, a peer network, BroadcastChannels, and any number of peers. */
public final class SimRoom {
    public final long seed;
    public final SimNetwork network;
    public final MemorySignalingServer server;
    public final MemoryPeerNetwork peers;
    public final MemoryBroadcastHub broadcasts;
    public final List<SimPeer> members = new ArrayList<>();
    public long antiEntropyInterval = RoomSync.ANTI_ENTROPY_INTERVAL_MILLIS;

    /** Makes each peer's document; the op-log CRDT unless a test asks for the Yjs engine. */
    public interface Documents {
        SimDocument create(int clientId, long seed);
    }

    public Documents documents = (clientId, seed) -> new OpLogDocument(clientId);

    /** Password rooms: keys complete later and out of order (like WebCrypto) instead of synchronously. */
    public boolean delayedCrypto = true;
    private final java.util.Map<String, org.vaultsync.crypto.RoomKey> derivedKeys = new java.util.HashMap<>();

    /** The real key (JVM PBKDF2, derived once per password and room: 100,000 iterations are not free). */
    org.vaultsync.crypto.RoomKey roomKey(String password, RoomCode code) {
        String roomName = org.vaultsync.room.RoomName.of(code);
        org.vaultsync.crypto.RoomKey key = derivedKeys.computeIfAbsent(password + "\u0000" + roomName,
                k -> org.vaultsync.crypto.JvmKeys.derive(password, roomName));
        return delayedCrypto ? new DelayedRoomKey(key, network.clock, new java.util.Random(network.random.nextLong()))
                : key;
    }

    private final java.util.Map<String, org.vaultsync.presence.MapPreferenceStore> preferences = new java.util.HashMap<>();

    org.vaultsync.presence.MapPreferenceStore preferencesOf(String browserProfile) {
        return preferences.computeIfAbsent(browserProfile, p -> new org.vaultsync.presence.MapPreferenceStore());
    }

    public SimRoom useYjsEngine() {
        documents = YSimDocument::new;
        return this;
    }

    public SimRoom(long seed) {
        this.seed = seed;
        this.network = new SimNetwork(seed);
        this.server = new MemorySignalingServer(network);
        this.peers = new MemoryPeerNetwork(network);
        this.broadcasts = new MemoryBroadcastHub(network);
    }

    /** A peer in its own browser (no BroadcastChannel partner). */
    public SimPeer addPeer() {
        return addPeer("p" + members.size(), "browser-" + members.size());
    }

    public SimPeer addPeer(String node, String browserProfile) {
        SimPeer peer = new SimPeer(this, node, browserProfile, network.random.nextLong());
        members.add(peer);
        return peer;
    }

    /** The peers join in this order and the room gets two simulated seconds to connect them and sync. */
    public void joinAndSettle(RoomCode room, SimPeer... peers) {
        for (SimPeer peer : peers) {
            peer.join(room);
        }
        run(2_000);
    }

    public void run(long millis) {
        network.clock.advance(millis);
    }

    /** Peers currently in the room. */
    public List<SimPeer> inRoom() {
        List<SimPeer> out = new ArrayList<>();
        for (SimPeer peer : members) {
            if (peer.inRoom()) {
                out.add(peer);
            }
        }
        return out;
    }

    public boolean converged() {
        Set<String> prints = new HashSet<>();
        for (SimPeer peer : inRoom()) {
            prints.add(peer.doc.fingerprint());
        }
        return prints.size() <= 1;
    }

    /** Runs until every peer in the room holds the same content, or {@code maxMillis} pass. Returns the time taken. */
    public long runUntilConverged(long maxMillis, long step) {
        long start = network.clock.now();
        while (!converged() && network.clock.now() - start < maxMillis) {
            run(step);
        }
        return network.clock.now() - start;
    }

    /** The user presses Retry on every peer that gave up (as a person would after an outage). */
    public void retryFailed() {
        for (SimPeer peer : inRoom()) {
            if (peer.state() == ConnectionState.ERROR) {
                peer.session.retry();
            }
        }
    }

    public static RoomCode code(String code) {
        try {
            return RoomCode.parse(code);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public String describe() {
        StringBuilder out = new StringBuilder("seed " + seed + " at t+" + network.clock.now() + ":");
        for (SimPeer peer : members) {
            out.append(' ').append(peer).append(" fp=").append(peer.doc.fingerprint().hashCode());
        }
        return out.toString();
    }
}
