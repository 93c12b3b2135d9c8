package org.vaultsync.sync.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultsync.protocol.ProtocolException;
import org.vaultsync.protocol.SignalingCodec;
import org.vaultsync.protocol.SignalingMessage;
import org.vaultsync.sync.mesh.SignalingConnection;
import org.vaultsync.sync.mesh.SignalingTransport;

/**
 * An in-memory signaling server that behaves like y-webrtc's {@code bin/server.js} (topics, publish to every
 * subscriber including the sender with {@code clients} added, JSON ping/pong) except that malformed frames are
 * ignored instead of crashing it. It can be stopped and restarted, and connections across a partition break.
 */
public final class MemorySignalingServer {
    public static final String NODE = "signaling-server";
    /** How long a broken connection across a partition takes to be noticed as closed. */
    public static final long BREAK_DETECTION_MILLIS = 5_000;

    private final SimNetwork network;
    private final Map<String, Set<Conn>> topics = new LinkedHashMap<>();
    private final List<Conn> conns = new ArrayList<>();
    private boolean up = true;
    private int nextConnId;
    public int malformedFrames;
    public int publishesForwarded;
    /** Sees every publish the server relays, as sent to subscribers (tests that check what travels). */
    public java.util.function.Consumer<String> tap = frame -> { };

    public MemorySignalingServer(SimNetwork network) {
        this.network = network;
        network.onPartitionChange(this::checkPartition);
    }

    public SignalingTransport transportFor(String clientNode) {
        return listener -> {
            Conn conn = new Conn(clientNode, listener, nextConnId++);
            network.clock.schedule(network.delay(), () -> {
                if (conn.closed) {
                    return;
                }
                if (!up || !network.reachable(clientNode, NODE)) {
                    conn.closed = true;
                    listener.onClose("Signaling server unreachable");
                    return;
                }
                conns.add(conn);
                listener.onOpen();
            });
            return conn;
        };
    }

    public int connectionCount() {
        return conns.size();
    }

    /** The server goes away: every client sees its connection close. */
    public void stop() {
        up = false;
        for (Conn conn : new ArrayList<>(conns)) {
            conn.breakOff("Signaling server went away");
        }
    }

    public void start() {
        up = true;
    }

    private void checkPartition() {
        for (Conn conn : new ArrayList<>(conns)) {
            if (!network.reachable(conn.clientNode, NODE)) {
                network.clock.schedule(BREAK_DETECTION_MILLIS, () -> {
                    if (!network.reachable(conn.clientNode, NODE)) {
                        conn.breakOff("Signaling connection lost");
                    }
                });
            }
        }
    }

    private void handle(Conn conn, String frame) {
        if (conn.closed) {
            return;
        }
        SignalingMessage message;
        try {
            message = SignalingCodec.decode(frame);
        } catch (ProtocolException e) {
            malformedFrames++;
            return;
        }
        if (message instanceof SignalingMessage.Subscribe subscribe) {
            for (String topic : subscribe.topics()) {
                topics.computeIfAbsent(topic, t -> new LinkedHashSet<>()).add(conn);
                conn.topics.add(topic);
            }
        } else if (message instanceof SignalingMessage.Unsubscribe unsubscribe) {
            for (String topic : unsubscribe.topics()) {
                Set<Conn> subscribers = topics.get(topic);
                if (subscribers != null) {
                    subscribers.remove(conn);
                }
            }
        } else if (message instanceof SignalingMessage.Publish publish) {
            Set<Conn> subscribers = topics.get(publish.topic());
            if (subscribers == null || subscribers.isEmpty()) {
                return;
            }
            String forwarded = SignalingCodec.encode(
                    new SignalingMessage.Publish(publish.topic(), publish.data(), subscribers.size()));
            tap.accept(forwarded);
            for (Conn subscriber : new ArrayList<>(subscribers)) {
                publishesForwarded++;
                subscriber.toClient(forwarded);
            }
        } else if (message instanceof SignalingMessage.Ping) {
            conn.toClient(SignalingCodec.encode(new SignalingMessage.Pong()));
        }
    }

    private void remove(Conn conn) {
        conns.remove(conn);
        for (String topic : conn.topics) {
            Set<Conn> subscribers = topics.get(topic);
            if (subscribers != null) {
                subscribers.remove(conn);
                if (subscribers.isEmpty()) {
                    topics.remove(topic);
                }
            }
        }
    }

    private final class Conn implements SignalingConnection {
        final String clientNode;
        final SignalingConnection.Listener listener;
        final int id;
        final Set<String> topics = new LinkedHashSet<>();
        boolean closed;

        Conn(String clientNode, SignalingConnection.Listener listener, int id) {
            this.clientNode = clientNode;
            this.listener = listener;
            this.id = id;
        }

        @Override
        public void send(String frame) {
            if (!closed) {
                network.deliverOrdered("c2s-" + id, clientNode, NODE, () -> handle(this, frame));
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                remove(this);
            }
        }

        void toClient(String frame) {
            network.deliverOrdered("s2c-" + id, NODE, clientNode, () -> {
                if (!closed) {
                    listener.onMessage(frame);
                }
            });
        }

        void breakOff(String reason) {
            if (closed) {
                return;
            }
            closed = true;
            remove(this);
            network.clock.schedule(network.delay(), () -> listener.onClose(reason));
        }
    }
}
