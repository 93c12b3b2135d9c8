package org.vaultsync.sync.mesh;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.vaultsync.protocol.PeerMessage;
import org.vaultsync.protocol.PeerMessageCodec;
import org.vaultsync.protocol.ProtocolException;
import org.vaultsync.protocol.RoomSignal;
import org.vaultsync.protocol.RoomSignalCodec;
import org.vaultsync.sync.Backoff;
import org.vaultsync.common.Cancellable;
import org.vaultsync.common.Scheduler;

/**
 * Who connects to whom in a room, as y-webrtc 10.3 does it (y-webrtc.md §1.1, §2, §5): we announce ourselves; the
 * receiver of an announce makes the offer (if it has fewer than maxConns connections); crossed offers are settled by
 * the glare token (the greater local token rejects the remote offer); tabs of the same browser meet on the
 * BroadcastChannel and ignore each other on signaling. Differences: a failed peer connection leads to re-announcing
 * with backoff instead of at once, and a negotiation that never completes is abandoned after a timeout.
 */
public final class RoomMesh {
    public static final long PEER_CONNECT_TIMEOUT_MILLIS = 15_000;

    /** Where connected channels and their messages go (the peer protocol, {@code RoomSync}). */
    public interface Listener {
        void onChannelOpen(PeerChannel channel);

        void onChannelMessage(PeerChannel channel, byte[] message);

        void onChannelClosed(PeerChannel channel);

        /** Another tab made itself known on the BroadcastChannel {@code channel} (after it was opened). */
        default void onBroadcastPeerJoined(PeerChannel channel) {
        }
    }

    /** Publishes a room payload on the signaling server (encrypting it first in password rooms). */
    @FunctionalInterface
    public interface Publisher {
        void publish(Map<String, Object> data);
    }

    private final String roomName;
    private final String peerId;
    private final int maxConns;
    private final PeerTransport peerTransport;
    private final BroadcastTransport broadcastTransport;
    private final Scheduler scheduler;
    private final DoubleSupplier random;
    private final Backoff backoff;
    private final Listener listener;

    private final Map<String, PeerLink> links = new LinkedHashMap<>();
    private final Set<String> bcPeers = new LinkedHashSet<>();
    private BroadcastLink broadcast;
    private Publisher signaling;
    private boolean left;
    private int peerFailures;
    private Cancellable reannounceTimer;
    private int droppedSignals;

    /**
     * @param broadcastTransport null where there is no BroadcastChannel
     * @param random             uniform in [0, 1): glare tokens and maxConns
     */
    public RoomMesh(String roomName, String peerId, PeerTransport peerTransport, BroadcastTransport broadcastTransport,
                    Scheduler scheduler, DoubleSupplier random, Listener listener) {
        this.roomName = roomName;
        this.peerId = peerId;
        this.peerTransport = peerTransport;
        this.broadcastTransport = broadcastTransport;
        this.scheduler = scheduler;
        this.random = random;
        this.backoff = new Backoff(random);
        this.listener = listener;
        this.maxConns = MaxConns.choose(random);
    }

    public String peerId() {
        return peerId;
    }

    public String roomName() {
        return roomName;
    }

    public int maxConns() {
        return maxConns;
    }

    /** Room payloads we could not read (foreign apps, password mismatch, junk). */
    public int droppedSignals() {
        return droppedSignals;
    }

    /**
     * Opens the BroadcastChannel and tells other tabs our peer id, so a tab that hears our announce from the signaling
     * server knows us already and does not offer a WebRTC connection. Cheap; {@link #start()} does the rest.
     */
    public void openBroadcast() {
        if (broadcastTransport == null || broadcast != null || left) {
            return;
        }
        broadcast = new BroadcastLink();
        broadcast.port = broadcastTransport.open(roomName, broadcast::receive);
        broadcast.send(PeerMessageCodec.encode(new PeerMessage.BcPeerId(true, peerId)));
    }

    /** Opens the BroadcastChannel side (if not yet) and hands the channel to the listener (sync with other tabs). */
    public void start() {
        openBroadcast();
        if (broadcast == null || broadcast.started || left) {
            return;
        }
        broadcast.started = true;
        listener.onChannelOpen(broadcast);
    }

    /** Signaling is (again) joined: announce ourselves so peers without a connection to us make offers. */
    public void signalingUp(Publisher publisher) {
        if (left) {
            return;
        }
        signaling = publisher;
        announce();
    }

    /** Signaling is gone; established peer connections live on, negotiations in flight may time out. */
    public void signalingDown() {
        signaling = null;
    }

    /** A {@code publish.data} of our room from the signaling server. */
    public void onRoomData(Object data) {
        if (left) {
            return;
        }
        RoomSignal message;
        try {
            message = RoomSignalCodec.fromJson(data);
        } catch (ProtocolException e) {
            droppedSignals++;
            return;
        }
        String from = message.from();
        if (from.equals(peerId) || bcPeers.contains(from)) {
            return;
        }
        if (message instanceof RoomSignal.Announce) {
            if (links.size() < maxConns && !links.containsKey(from)) {
                createLink(from, true);
            }
            return;
        }
        RoomSignal.Signal signal = (RoomSignal.Signal) message;
        if (!signal.to().equals(peerId)) {
            return;
        }
        PeerLink existing = links.get(from);
        if (existing != null) {
            String type = signal.signalType();
            if (type.equals("offer")) {
                if (existing.token > signal.token()) {
                    return; // glare: both sides offered; the greater token keeps its own offer and ignores this one
                }
                existing.token = Double.NaN;
            } else if (type.equals("answer")) {
                existing.token = Double.NaN;
            }
        }
        PeerLink link = existing != null ? existing : createLink(from, false);
        link.connection.signal(signal.signal());
    }

    /** Signaling peer ids we can exchange messages with right now (connected data channels and other tabs). */
    public Set<String> reachablePeers() {
        Set<String> peers = new LinkedHashSet<>(bcPeers);
        for (PeerLink link : links.values()) {
            if (link.connected) {
                peers.add(link.remotePeerId);
            }
        }
        return Collections.unmodifiableSet(peers);
    }

    /** Peer connections (negotiating or open). */
    public int connectionCount() {
        return links.size();
    }

    public Set<String> broadcastPeers() {
        return Collections.unmodifiableSet(bcPeers);
    }

    /** Leaves for good: closes every connection and the BroadcastChannel, cancels timers, withdraws our tab id. */
    public void leave() {
        if (left) {
            return;
        }
        left = true;
        signaling = null;
        if (reannounceTimer != null) {
            reannounceTimer.cancel();
            reannounceTimer = null;
        }
        for (PeerLink link : new ArrayList<>(links.values())) {
            link.dispose();
        }
        links.clear();
        if (broadcast != null) {
            broadcast.send(PeerMessageCodec.encode(new PeerMessage.BcPeerId(false, peerId)));
            broadcast.port.close();
            broadcast.closed = true;
        }
        bcPeers.clear();
    }

    private void announce() {
        if (signaling != null && links.size() < maxConns) {
            signaling.publish(RoomSignalCodec.toJson(new RoomSignal.Announce(peerId)));
        }
    }

    private PeerLink createLink(String remotePeerId, boolean initiator) {
        PeerLink link = new PeerLink(remotePeerId);
        links.put(remotePeerId, link);
        link.connectTimer = scheduler.schedule(PEER_CONNECT_TIMEOUT_MILLIS, () -> {
            link.connectTimer = null;
            if (!link.connected && !link.closed) {
                link.connection.close();
                link.onClose("Peer connection timed out");
            }
        });
        link.connection = peerTransport.create(initiator, link);
        return link;
    }

    private void peerFailed() {
        if (left || reannounceTimer != null) {
            return;
        }
        peerFailures++;
        // 1, 2, 4, 8, 16 s, then every 30 s until a connection succeeds: one small signaling message, and the only
        // way to find a peer again after a partition between us that the signaling server never saw
        long delay = peerFailures <= backoff.maxAttempts() ? backoff.delayBefore(peerFailures) : Backoff.CAP_MILLIS;
        reannounceTimer = scheduler.schedule(delay, () -> {
            reannounceTimer = null;
            if (peerFailures == 0) {
                return; // a connection succeeded meanwhile
            }
            announce();
            peerFailed();
        });
    }

    private final class PeerLink implements PeerChannel, PeerConnection.Listener {
        final String remotePeerId;
        PeerConnection connection;
        double token = Double.NaN;
        boolean connected;
        boolean closed;
        Cancellable connectTimer;

        PeerLink(String remotePeerId) {
            this.remotePeerId = remotePeerId;
        }

        @Override
        public String id() {
            return remotePeerId;
        }

        @Override
        public boolean isBroadcast() {
            return false;
        }

        @Override
        public boolean send(byte[] message) {
            return connected && !closed && connection.send(message);
        }

        @Override
        public void onSignal(Map<String, Object> signal) {
            if (closed) {
                return;
            }
            if (Double.isNaN(token)) {
                token = scheduler.now() + random.getAsDouble();
            }
            if (signaling != null) {
                signaling.publish(RoomSignalCodec.toJson(new RoomSignal.Signal(peerId, remotePeerId, token, signal)));
            }
        }

        @Override
        public void onConnect() {
            if (closed || connected) {
                return;
            }
            connected = true;
            cancelConnectTimer();
            peerFailures = 0;
            listener.onChannelOpen(this);
        }

        @Override
        public void onData(byte[] message) {
            if (connected && !closed) {
                listener.onChannelMessage(this, message);
            }
        }

        @Override
        public void onClose(String reason) {
            if (closed) {
                return;
            }
            closed = true;
            cancelConnectTimer();
            if (links.get(remotePeerId) == this) {
                links.remove(remotePeerId);
            }
            if (connected) {
                listener.onChannelClosed(this);
            }
            peerFailed();
        }

        void dispose() {
            closed = true;
            cancelConnectTimer();
            connection.close();
        }

        private void cancelConnectTimer() {
            if (connectTimer != null) {
                connectTimer.cancel();
                connectTimer = null;
            }
        }

        @Override
        public String toString() {
            return "peer " + remotePeerId;
        }
    }

    private final class BroadcastLink implements PeerChannel {
        BroadcastPort port;
        boolean closed;
        /** Handed to the listener: messages from other tabs are synced. */
        boolean started;

        @Override
        public String id() {
            return BROADCAST_ID;
        }

        @Override
        public boolean isBroadcast() {
            return true;
        }

        @Override
        public boolean send(byte[] message) {
            if (closed) {
                return false;
            }
            port.post(message);
            return true;
        }

        @Override
        public boolean hasListeners() {
            return !bcPeers.isEmpty();
        }

        void receive(byte[] message) {
            if (closed || left) {
                return;
            }
            if (message.length > 0 && message[0] == PeerMessage.TYPE_BC_PEER_ID) {
                try {
                    PeerMessage.BcPeerId id = (PeerMessage.BcPeerId) PeerMessageCodec.decode(message);
                    onBcPeerId(id);
                } catch (ProtocolException | ClassCastException e) {
                    droppedSignals++;
                }
                return;
            }
            listener.onChannelMessage(this, message);
        }

        private void onBcPeerId(PeerMessage.BcPeerId id) {
            if (id.peerId().equals(peerId) || id.add() == bcPeers.contains(id.peerId())) {
                return;
            }
            if (id.add()) {
                bcPeers.add(id.peerId());
            } else {
                bcPeers.remove(id.peerId());
            }
            // tell the newcomer (and everyone) about us too, as y-webrtc does
            send(PeerMessageCodec.encode(new PeerMessage.BcPeerId(true, peerId)));
            if (id.add() && started) {
                listener.onBroadcastPeerJoined(this);
            }
        }

        @Override
        public String toString() {
            return "broadcast channel";
        }
    }
}
