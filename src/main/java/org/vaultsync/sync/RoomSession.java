package org.vaultsync.sync;

import org.vaultsync.common.Scheduler;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.common.Uuid;
import org.vaultsync.presence.Awareness;
import org.vaultsync.presence.LocalIdentity;
import org.vaultsync.presence.PeerIdentity;
import org.vaultsync.presence.PeerRoster;
import org.vaultsync.protocol.SignalingMessage;
import org.vaultsync.room.RoomCode;
import org.vaultsync.room.RoomName;
import org.vaultsync.sync.mesh.BroadcastTransport;
import org.vaultsync.sync.mesh.PeerTransport;
import org.vaultsync.sync.mesh.RoomMesh;
import org.vaultsync.sync.mesh.SignalingClient;
import org.vaultsync.sync.mesh.SignalingTransport;

/**
 * One install's presence in (at most) one room: the connection state machine driving the signaling client, the
 * mesh of peer connections, the sync protocol over them, awareness and the roster. This is the API the app uses:
 * {@link #join}, {@link #leave}, {@link #retry}, {@link #status}, {@link #events}.
 */
public final class RoomSession {
    private final SignalingTransport signalingTransport;
    private final PeerTransport peerTransport;
    private final BroadcastTransport broadcastTransport;
    private final Scheduler scheduler;
    private final DoubleSupplier random;
    private final RandomBytes randomBytes;
    private final LocalIdentity identity;
    private final long antiEntropyInterval;
    private final SyncEvents events = new SyncEvents();
    private final ConnectionStateMachine machine;
    private Room room;

    /** Everything that belongs to the room currently joined; replaced as a whole on a switch. */
    private final class Room {
        final RoomCode code;
        final String name;
        final Awareness awareness;
        final PeerRoster roster;
        final RoomSync sync;
        final RoomMesh mesh;

        Room(RoomCode code, SyncDocument doc, int clientId) {
            this.code = code;
            this.name = RoomName.of(code);
            String peerId = Uuid.v4(randomBytes);
            awareness = new Awareness(clientId, scheduler);
            awareness.setLocalStateField("user", identity.awarenessUser());
            roster = new PeerRoster(awareness, identity.identity().id(), events);
            sync = new RoomSync(doc, awareness, peerId, scheduler, events, antiEntropyInterval);
            mesh = new RoomMesh(name, peerId, peerTransport, broadcastTransport, scheduler, random, sync);
            awareness.addListener((change, origin) -> machine.setPeerCount(roster.remoteCount()));
        }

        void close() {
            awareness.destroy(); // peers learn at once that we left, not after the 30 s timeout
            sync.close();
            mesh.leave();
        }
    }

    public RoomSession(SignalingTransport signalingTransport, PeerTransport peerTransport,
                       BroadcastTransport broadcastTransport, Scheduler scheduler, DoubleSupplier random,
                       RandomBytes randomBytes, LocalIdentity identity) {
        this(signalingTransport, peerTransport, broadcastTransport, scheduler, random, randomBytes, identity,
                RoomSync.ANTI_ENTROPY_INTERVAL_MILLIS);
    }

    public RoomSession(SignalingTransport signalingTransport, PeerTransport peerTransport,
                       BroadcastTransport broadcastTransport, Scheduler scheduler, DoubleSupplier random,
                       RandomBytes randomBytes, LocalIdentity identity, long antiEntropyInterval) {
        this.signalingTransport = signalingTransport;
        this.peerTransport = peerTransport;
        this.broadcastTransport = broadcastTransport;
        this.scheduler = scheduler;
        this.random = random;
        this.randomBytes = randomBytes;
        this.identity = identity;
        this.antiEntropyInterval = antiEntropyInterval;
        this.machine = new ConnectionStateMachine(scheduler, new Backoff(random), new Driver(), events);
    }

    public SyncEvents events() {
        return events;
    }

    public ConnectionStatus status() {
        return machine.status();
    }

    public void addStatusListener(java.util.function.Consumer<ConnectionStatus> listener) {
        machine.addStatusListener(listener);
    }

    /**
     * Joins the room {@code code}, syncing {@code doc} (whose Yjs client id is {@code clientId}, also the awareness
     * id). Leaves the current room first if it is another one.
     */
    public void join(RoomCode code, SyncDocument doc, int clientId) {
        if (room != null && room.code.equals(code)) {
            machine.join(code.value());
            return;
        }
        if (room != null) {
            room.close();
        }
        room = new Room(code, doc, clientId);
        room.mesh.start();
        machine.join(code.value());
    }

    /** Leaves the room for good: no timer survives, nothing reconnects. */
    public void leave() {
        machine.leave();
        if (room != null) {
            room.close();
            room = null;
        }
    }

    public void retry() {
        machine.retry();
    }

    /** Remote people in the room (from awareness), without us. */
    public List<PeerIdentity> peers() {
        return room == null ? List.of() : room.roster.remotePeers();
    }

    public PeerIdentity self() {
        return identity.identity();
    }

    /** The sync layer's counters for the current room (for measurements). */
    public SyncStats stats() {
        return room == null ? new SyncStats() : room.sync.stats();
    }

    public Awareness awareness() {
        return room == null ? null : room.awareness;
    }

    /** Signaling peer ids currently reachable (data channels and other tabs). */
    public int reachablePeerCount() {
        return room == null ? 0 : room.mesh.reachablePeers().size();
    }

    /** Opens and closes the signaling side for the state machine; the room's mesh outlives signaling outages. */
    private final class Driver implements ConnectionDriver {
        private ConnectionAttempt openAttempt;
        private SignalingClient openClient;
        private Room openRoom;

        @Override
        public void open(String roomCode, ConnectionAttempt attempt) {
            Room target = room;
            SignalingClient[] holder = new SignalingClient[1];
            holder[0] = new SignalingClient(scheduler, new SignalingClient.Listener() {
                @Override
                public void onOpen() {
                    if (!attempt.isCurrent()) {
                        return;
                    }
                    holder[0].send(new SignalingMessage.Subscribe(List.of(target.name)));
                    target.mesh.signalingUp(data -> holder[0].send(new SignalingMessage.Publish(target.name, data)));
                    attempt.opened();
                }

                @Override
                public void onPublish(SignalingMessage.Publish publish) {
                    if (attempt.isCurrent() && target.name.equals(publish.topic())) {
                        target.mesh.onRoomData(publish.data());
                    }
                }

                @Override
                public void onLost(String reason) {
                    if (attempt.isCurrent()) {
                        target.mesh.signalingDown();
                        attempt.lost(reason);
                    }
                }
            });
            openAttempt = attempt;
            openClient = holder[0];
            openRoom = target;
            holder[0].connect(signalingTransport);
        }

        @Override
        public void close(ConnectionAttempt attempt, String reason) {
            if (attempt != openAttempt) {
                return;
            }
            openClient.send(new SignalingMessage.Unsubscribe(List.of(openRoom.name)));
            openClient.close();
            openRoom.mesh.signalingDown();
            openAttempt = null;
            openClient = null;
            openRoom = null;
        }
    }
}
