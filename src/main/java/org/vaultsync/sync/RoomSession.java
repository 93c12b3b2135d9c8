package org.vaultsync.sync;

import org.vaultsync.common.Scheduler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.common.Uuid;
import org.vaultsync.crypto.CryptoException;
import org.vaultsync.crypto.RoomCipher;
import org.vaultsync.presence.Awareness;
import org.vaultsync.presence.LocalIdentity;
import org.vaultsync.presence.PeerIdentity;
import org.vaultsync.presence.PeerRoster;
import org.vaultsync.protocol.PasswordMismatchNotice;
import org.vaultsync.protocol.SignalingMessage;
import org.vaultsync.room.RoomCode;
import org.vaultsync.room.RoomName;
import org.vaultsync.sync.mesh.BroadcastTransport;
import org.vaultsync.sync.mesh.EncryptedBroadcastTransport;
import org.vaultsync.sync.mesh.EncryptedPeerTransport;
import org.vaultsync.sync.mesh.EncryptedRoomSignals;
import org.vaultsync.sync.mesh.PeerTransport;
import org.vaultsync.sync.mesh.RoomMesh;
import org.vaultsync.sync.mesh.SignalingClient;
import org.vaultsync.sync.mesh.SignalingTransport;

/**
 * One install's presence in (at most) one room: the connection state machine driving the signaling client, the
 * mesh of peer connections, the sync protocol over them, awareness and the roster. This is the API the app uses:
 * {@link #join}, {@link #leave}, {@link #retry}, {@link #status}, {@link #events}. A room joined with a password
 * ({@link RoomAccess#password}) encrypts what it sends and reports a wrong password as
 * {@link ConnectionState#WRONG_PASSWORD} (docs/security.md).
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
    private final class Room implements EncryptedRoomSignals.Listener {
        final RoomCode code;
        final String name;
        final RoomAccess access;
        final Awareness awareness;
        final PeerRoster roster;
        final RoomSync sync;
        final RoomMesh mesh;
        /** Password rooms only (null in open rooms). */
        final EncryptedRoomSignals signals;
        final PasswordCheck passwordCheck;
        SignalingClient signalingClient;
        int unreadablePayloads;
        /**
         * False while the document is still being loaded from this device: signaling is joined and the room announces
         * itself (peers' offers and the WebRTC handshake overlap the load, as with y-webrtc), but what channels
         * report is held until the document is complete ({@link HeldUntilLoaded}), so no peer or tab hears from a
         * half-loaded document (its step 1 would ask for, and its answers would offer, what is already stored here).
         */
        boolean documentLoaded;
        private final HeldUntilLoaded untilLoaded;

        Room(RoomCode code, SyncDocument doc, int clientId, RoomAccess access) {
            this.code = code;
            this.name = RoomName.of(code);
            this.access = access;
            String peerId = Uuid.v4(randomBytes);
            awareness = new Awareness(clientId, scheduler);
            awareness.setLocalStateField("user", identity.awarenessUser());
            if (!code.equals(namesRoom)) {
                namesSeen.clear();
                namesRoom = code;
            }
            roster = new PeerRoster(awareness, identity.identity().id(), events, namesSeen);
            sync = new RoomSync(doc, awareness, peerId, scheduler, events, antiEntropyInterval);
            PeerTransport peers = peerTransport;
            BroadcastTransport tabs = broadcastTransport;
            if (access.isPasswordProtected()) {
                RoomCipher cipher = new RoomCipher(access.key(), randomBytes);
                signals = new EncryptedRoomSignals(cipher, this);
                passwordCheck = new PasswordCheck(scheduler, Uuid.v4(randomBytes), events,
                        () -> machine.wrongPassword(code.value()));
                if (access.encryptDataChannels()) {
                    peers = new EncryptedPeerTransport(peerTransport, cipher, this::countUnreadable);
                }
                if (broadcastTransport != null) {
                    tabs = new EncryptedBroadcastTransport(broadcastTransport, cipher, this::countUnreadable);
                }
            } else {
                signals = null;
                passwordCheck = null;
            }
            untilLoaded = new HeldUntilLoaded(sync);
            mesh = new RoomMesh(name, peerId, peers, tabs, scheduler, random, untilLoaded);
            awareness.addListener((change, origin) -> machine.setPeerCount(roster.remoteCount()));
        }

        /** Signaling joined through {@code client}: room payloads go out (encrypted in password rooms). */
        void signalingUp(SignalingClient client) {
            signalingClient = client;
            if (passwordCheck != null) {
                passwordCheck.start(this::publishPlaintext);
            }
            // other tabs hear our peer id first, so none offers us WebRTC on hearing our announce
            mesh.openBroadcast();
            meshSignalingUp(client);
            prepareConnections();
        }

        /**
         * Announced with the document complete: WebRTC gets ready while the announce travels, before the offers need
         * it. Not before the document is loaded: a large room's load (what the player waits to see) is not held up
         * for connections that could not sync yet.
         */
        private void prepareConnections() {
            if (documentLoaded && signalingClient != null) {
                peerTransport.prepare();
            }
        }

        /** The mesh announces us on {@code client}: peers offer connections from here on. */
        private void meshSignalingUp(SignalingClient client) {
            if (signals == null) {
                mesh.signalingUp(data -> client.send(new SignalingMessage.Publish(name, data)));
            } else {
                mesh.signalingUp(signals.publisher(data -> client.send(new SignalingMessage.Publish(name, data))));
            }
        }

        /** The document is complete: other tabs and (if signaling is up) peers may now connect. */
        void documentLoaded() {
            if (documentLoaded) {
                return;
            }
            documentLoaded = true;
            // channels opened while loading start their sync now, in the order they came; then the tabs' sync
            untilLoaded.loaded();
            mesh.start();
            prepareConnections();
        }

        void signalingDown() {
            signalingClient = null;
            if (passwordCheck != null) {
                passwordCheck.stop();
            }
            mesh.signalingDown();
        }

        /** A {@code publish.data} of this room. Open rooms ignore strings, password rooms non-strings (y-webrtc). */
        void receive(Object data) {
            if (signals == null) {
                mesh.onRoomData(data);
            } else {
                signals.receive(data);
            }
        }

        private void publishPlaintext(Object data) {
            if (signalingClient != null) {
                signalingClient.send(new SignalingMessage.Publish(name, data));
            }
        }

        @Override
        public void onPayload(Object data) {
            if (data instanceof java.util.Map<?, ?> object && object.get("from") instanceof String from
                    && !from.equals(mesh.peerId())) {
                passwordCheck.readable(from);
            }
            mesh.onRoomData(data);
        }

        @Override
        public void onUnreadable(CryptoException error) {
            countUnreadable(error);
            if (error.isNotAuthentic()) {
                passwordCheck.unreadable();
            }
        }

        @Override
        public void onPlaintext(Object data) {
            PasswordMismatchNotice notice = PasswordMismatchNotice.fromJson(data);
            if (notice != null) {
                passwordCheck.notice(notice);
            }
        }

        void countUnreadable(CryptoException error) {
            unreadablePayloads++;
        }

        void close() {
            awareness.destroy(); // peers learn at once that we left, not after the 30 s timeout
            sync.close();
            mesh.leave();
            if (signals != null) {
                signals.close();
                passwordCheck.stop();
            }
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
        join(code, doc, clientId, RoomAccess.open());
    }

    /**
     * Joins {@code code} as {@link #join(RoomCode, SyncDocument, int)} does, open or with a password room's key.
     * Joining the room we are in with another access (e.g. another password after WRONG_PASSWORD) starts it afresh.
     *
     * @throws IllegalArgumentException if the key was derived for another room (it could never open this one)
     */
    public void join(RoomCode code, SyncDocument doc, int clientId, RoomAccess access) {
        join(code, doc, clientId, access, true);
    }

    /**
     * Joins as {@link #join(RoomCode, SyncDocument, int, RoomAccess)} does while {@code doc} is still being loaded
     * from this device: the signaling connection opens and subscribes at once (y-webrtc opens y-indexeddb and
     * signaling side by side too), but nothing announces us, opens a channel or sends a message until
     * {@link #join(RoomCode, SyncDocument, int, RoomAccess) join} is called again for this room once the document is
     * complete. Peers and tabs that arrive meanwhile are met after that: our announce makes them offer.
     */
    public void joinWhileLoading(RoomCode code, SyncDocument doc, int clientId, RoomAccess access) {
        join(code, doc, clientId, access, false);
    }

    private void join(RoomCode code, SyncDocument doc, int clientId, RoomAccess access, boolean documentLoaded) {
        String name = RoomName.of(code);
        if (access.isPasswordProtected() && !access.key().roomName().equals(name)) {
            throw new IllegalArgumentException("The key was made for room " + access.key().roomName() + ", not " + name);
        }
        if (room != null && room.code.equals(code) && room.access.equals(access)) {
            machine.join(code.value());
            if (documentLoaded) {
                room.documentLoaded();
            }
            return;
        }
        if (room != null) {
            if (room.code.equals(code)) {
                machine.leave(); // same room, other key: nothing of the old attempt may run on
            }
            room.close();
        }
        Room joining = new Room(code, doc, clientId, access);
        room = joining;
        machine.join(code.value()); // first: the signaling connection is the slow part, it opens meanwhile
        if (room == joining) {
            // meanwhile other tabs learn our peer id, long before our announce reaches them through the server
            joining.mesh.openBroadcast();
        }
        if (documentLoaded && room == joining) {
            joining.documentLoaded();
        }
    }

    /** The display name changed: peers in the current room see the new one through awareness. */
    public void identityChanged() {
        if (room != null) {
            room.awareness.setLocalStateField("user", identity.awarenessUser());
        }
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

    /** True once this room has seen someone use another password (also told by {@link SyncEvent.PasswordMismatch}). */
    public boolean passwordMismatchSeen() {
        return room != null && room.passwordCheck != null && room.passwordCheck.mismatchReported();
    }

    /** Signaling payloads, tab and data-channel messages of this password room that our key could not open. */
    public int unreadableMessages() {
        return room == null ? 0 : room.unreadablePayloads;
    }

    public Awareness awareness() {
        return room == null ? null : room.awareness;
    }

    /**
     * Names of the room's awareness clients seen so far, kept across rejoins of the same room (going offline leaves
     * and rejoins): a peer's edits arrive before its presence after either side reconnects.
     */
    private final Map<Integer, String> namesSeen = new HashMap<>();
    private RoomCode namesRoom;

    /** The name the room's presence has shown for the Yjs client {@code clientId} (now or earlier), or null. */
    public String presentName(int clientId) {
        return room == null ? null : room.roster.nameOf(clientId);
    }

    /** Signaling peer ids currently reachable (data channels and other tabs). */
    public int reachablePeerCount() {
        // a channel opened while the document loads does not sync yet: no one is reachable before it is complete
        return room == null || !room.documentLoaded ? 0 : room.mesh.reachablePeers().size();
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
                    target.signalingUp(holder[0]);
                    attempt.opened();
                }

                @Override
                public void onPublish(SignalingMessage.Publish publish) {
                    if (attempt.isCurrent() && target.name.equals(publish.topic())) {
                        target.receive(publish.data());
                    }
                }

                @Override
                public void onLost(String reason) {
                    if (attempt.isCurrent()) {
                        target.signalingDown();
                        attempt.lost(reason);
                    }
                }

                @Override
                public String localPeerId() {
                    return target.mesh.peerId();
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
            openRoom.signalingDown();
            openAttempt = null;
            openClient = null;
            openRoom = null;
        }
    }
}
