package org.vaultsync.harness;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaultsync.crdt.Hex;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;
import org.vaultsync.common.Scheduler;
import org.vaultsync.sync.mesh.PeerConnection;
import org.vaultsync.sync.mesh.PeerTransport;

/**
 * The Java end of the stand-in WebRTC used with the real y-webrtc client (ywebrtc-client.mjs): offers and answers
 * travel through the real signaling server and name the endpoints; data-channel messages travel over the Node
 * process's stdin/stdout. Called on the {@link EventLoop} thread only.
 */
final class NodeBridgePeerTransport implements PeerTransport {
    private final Writer toNode;
    private final Scheduler loop;
    private final Map<Integer, Endpoint> byJavaId = new HashMap<>();
    private final Map<Integer, Endpoint> byJsPc = new HashMap<>();
    private int nextId = 1;
    int messagesToJs;
    int largestMessageToJs;

    NodeBridgePeerTransport(Writer toNode, Scheduler loop) {
        this.toNode = toNode;
        this.loop = loop;
    }

    @Override
    public PeerConnection create(boolean initiator, PeerConnection.Listener listener) {
        Endpoint endpoint = new Endpoint(nextId++, listener);
        byJavaId.put(endpoint.id, endpoint);
        if (initiator) {
            loop.schedule(0, () -> endpoint.emit("offer"));
        }
        return endpoint;
    }

    /** Node says: its pc is connected to our endpoint {@code javaId}. */
    void opened(int jsPc, int javaId) {
        Endpoint endpoint = byJavaId.get(javaId);
        if (endpoint != null && !endpoint.closed) {
            endpoint.jsPc = jsPc;
            byJsPc.put(jsPc, endpoint);
            endpoint.open = true;
            endpoint.listener.onConnect();
        }
    }

    void data(int jsPc, byte[] message) {
        Endpoint endpoint = byJsPc.get(jsPc);
        if (endpoint != null && endpoint.open && !endpoint.closed) {
            endpoint.listener.onData(message);
        }
    }

    void closed(int jsPc) {
        Endpoint endpoint = byJsPc.remove(jsPc);
        if (endpoint != null && !endpoint.closed) {
            endpoint.closed = true;
            endpoint.listener.onClose("closed by the y-webrtc peer");
        }
    }

    private void command(Map<String, Object> command) {
        try {
            synchronized (toNode) {
                toNode.write(Json.stringify(command) + "\n");
                toNode.flush();
            }
        } catch (IOException | JsonException e) {
            throw new IllegalStateException("cannot reach the y-webrtc client", e);
        }
    }

    private final class Endpoint implements PeerConnection {
        final int id;
        final PeerConnection.Listener listener;
        int jsPc = -1;
        boolean open;
        boolean closed;

        Endpoint(int id, PeerConnection.Listener listener) {
            this.id = id;
            this.listener = listener;
        }

        void emit(String type) {
            if (!closed) {
                Map<String, Object> signal = new LinkedHashMap<>();
                signal.put("type", type);
                signal.put("sdp", "bridge-java:" + id);
                listener.onSignal(signal);
            }
        }

        @Override
        public void signal(Map<String, Object> signal) {
            if (closed) {
                return;
            }
            if ("offer".equals(signal.get("type"))) {
                loop.schedule(0, () -> emit("answer"));
            }
        }

        @Override
        public boolean send(byte[] message) {
            if (!open || closed) {
                return false;
            }
            messagesToJs++;
            largestMessageToJs = Math.max(largestMessageToJs, message.length);
            Map<String, Object> command = new LinkedHashMap<>();
            command.put("cmd", "dc");
            command.put("pc", jsPc);
            command.put("hex", Hex.of(message));
            command(command);
            return true;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (jsPc >= 0) {
                byJsPc.remove(jsPc);
                Map<String, Object> command = new LinkedHashMap<>();
                command.put("cmd", "dc-close");
                command.put("pc", jsPc);
                command(command);
            }
        }
    }
}
