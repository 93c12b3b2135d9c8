package org.vaultsync.sync.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.sync.mesh.PeerConnection;
import org.vaultsync.sync.mesh.PeerTransport;

/**
 * In-memory stand-in for WebRTC: connections are negotiated through real offer/answer/candidate signals carried by
 * the signaling server (the "SDP" names the endpoint), glare behaves like an implicit rollback (an initiator that
 * receives an offer answers it), messages over 256 KiB fail to send like an SCTP max-message-size, and a connection
 * across a partition fails after an ICE-like timeout. In hostile mode messages travel as lossy datagrams.
 */
public final class MemoryPeerNetwork {
    public static final int MAX_MESSAGE_BYTES = 262_144;
    public static final long ICE_FAILURE_MILLIS = 10_000;
    private static final String SDP_PREFIX = "memory:";

    private final SimNetwork network;
    private final Map<Integer, Endpoint> endpoints = new HashMap<>();
    private int nextId = 1;
    /** When true messages may be lost, duplicated and reordered; otherwise reliable and ordered like SCTP. */
    public boolean hostile;
    public long messagesSent;
    public long bytesSent;
    public final Map<String, Long> messagesSentByNode = new LinkedHashMap<>();
    /** Sends from these nodes report failure (like a full send buffer) while the count lasts. */
    public final Map<String, Integer> failingSends = new HashMap<>();
    /** Sees every data-channel message that goes out (tests that check what travels). */
    public java.util.function.Consumer<byte[]> tap = message -> { };
    /** Messages from these nodes are silently lost while the count lasts (reliable mode included). */
    public final Map<String, Integer> silentlyLost = new HashMap<>();

    public MemoryPeerNetwork(SimNetwork network) {
        this.network = network;
        network.onPartitionChange(this::checkPartition);
    }

    public PeerTransport transportFor(String node) {
        return (initiator, listener) -> new Endpoint(node, initiator, listener);
    }

    public void resetCounters() {
        messagesSent = 0;
        bytesSent = 0;
        messagesSentByNode.clear();
    }

    private void checkPartition() {
        for (Endpoint endpoint : new ArrayList<>(endpoints.values())) {
            if (endpoint.connected && endpoint.remote != null && !network.reachable(endpoint.node, endpoint.remote.node)) {
                network.clock.schedule(ICE_FAILURE_MILLIS, () -> {
                    if (endpoint.connected && !network.reachable(endpoint.node, endpoint.remote.node)) {
                        endpoint.fail("ICE connection failed");
                    }
                });
            }
        }
    }

    private final class Endpoint implements PeerConnection {
        final int id;
        final String node;
        final PeerConnection.Listener listener;
        Endpoint remote;
        boolean offering;
        boolean connected;
        boolean closed;
        long sequence;
        long delivered;

        Endpoint(String node, boolean initiator, PeerConnection.Listener listener) {
            this.id = nextId++;
            this.node = node;
            this.listener = listener;
            endpoints.put(id, this);
            if (initiator) {
                offering = true;
                emit(Map.of("type", "offer", "sdp", SDP_PREFIX + id));
            }
        }

        private void emit(Map<String, Object> signal) {
            network.clock.schedule(0, () -> {
                if (!closed) {
                    listener.onSignal(signal);
                }
            });
        }

        @Override
        public void signal(Map<String, Object> signal) {
            if (closed || connected) {
                return;
            }
            Object type = signal.get("type");
            if ("candidate".equals(type)) {
                return;
            }
            Endpoint other = endpointOf(signal.get("sdp"));
            if (other == null || other.closed) {
                return;
            }
            if ("offer".equals(type)) {
                offering = false; // implicit rollback of our own offer, as browsers do on glare
                remote = other;
                emit(Map.of("type", "answer", "sdp", SDP_PREFIX + id));
                emit(Map.of("type", "candidate", "candidate",
                        Map.of("candidate", "candidate:memory " + id, "sdpMLineIndex", 0, "sdpMid", "0")));
            } else if ("answer".equals(type) && offering && other.remote == this) {
                offering = false;
                remote = other;
                network.clock.schedule(network.delay(), () -> {
                    if (closed || other.closed || !network.reachable(node, other.node) || other.remote != this) {
                        return;
                    }
                    connected = true;
                    other.connected = true;
                    listener.onConnect();
                    if (!other.closed) {
                        other.listener.onConnect();
                    }
                });
            }
        }

        private Endpoint endpointOf(Object sdp) {
            if (!(sdp instanceof String s) || !s.startsWith(SDP_PREFIX)) {
                return null;
            }
            return endpoints.get(Integer.parseInt(s.substring(SDP_PREFIX.length())));
        }

        @Override
        public boolean send(byte[] message) {
            if (!connected || closed || message.length > MAX_MESSAGE_BYTES) {
                return false;
            }
            if (failingSends.getOrDefault(node, 0) > 0) {
                failingSends.merge(node, -1, Integer::sum);
                return false;
            }
            if (silentlyLost.getOrDefault(node, 0) > 0) {
                silentlyLost.merge(node, -1, Integer::sum);
                return true;
            }
            byte[] copy = message.clone();
            Endpoint target = remote;
            tap.accept(copy);
            messagesSent++;
            bytesSent += copy.length;
            messagesSentByNode.merge(node, 1L, Long::sum);
            Runnable delivery = () -> {
                if (target.connected && !target.closed) {
                    target.listener.onData(copy);
                }
            };
            if (hostile) {
                network.deliverDatagram(node, target.node, delivery);
            } else {
                network.deliverOrdered("dc-" + id, node, target.node, delivery);
            }
            return true;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            connected = false;
            endpoints.remove(id);
            Endpoint other = remote;
            if (other != null && other.remote == this) {
                network.deliverOrdered("dc-" + id, node, other.node, () -> other.fail("Closed by the remote peer"));
            }
        }

        void fail(String reason) {
            if (closed) {
                return;
            }
            closed = true;
            connected = false;
            endpoints.remove(id);
            listener.onClose(reason);
            Endpoint other = remote;
            if (other != null && other.remote == this && !other.closed) {
                other.fail(reason);
            }
        }
    }

    public int openEndpoints() {
        return endpoints.size();
    }

    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Endpoint e : endpoints.values()) {
            out.add(e.node + "#" + e.id + (e.connected ? "->" + e.remote.node : " negotiating"));
        }
        return out;
    }
}
