package org.vaultsync.harness;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vaultsync.sync.mesh.PeerConnection;
import org.vaultsync.sync.mesh.PeerTransport;

/**
 * WebRTC stand-in for sessions sharing one {@link EventLoop}: negotiation signals look like simple-peer's (an offer
 * and answer with a realistic SDP, trickled ICE candidates with addresses), so a test can look for them on the
 * signaling server; the data channel is an in-process queue. The SDP names its endpoint so the answer finds it.
 */
final class LoopbackPeerNetwork {
    /** Strings that appear only in SDP and ICE candidates: none may be seen in clear on the signaling server. */
    static final String[] NEGOTIATION_MARKERS = {"v=0", "a=fingerprint:sha-256", "webrtc-datachannel", "a=ice-ufrag",
        "candidate:", "203.0.113.77", "typ srflx", "sdpMLineIndex", "\"offer\"", "\"answer\""};

    private final EventLoop loop;
    private final Map<Integer, Endpoint> endpoints = new HashMap<>();
    private int nextId;

    LoopbackPeerNetwork(EventLoop loop) {
        this.loop = loop;
    }

    PeerTransport transport() {
        return (initiator, listener) -> new Endpoint(initiator, listener);
    }

    private static Map<String, Object> description(String type, int id) {
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("type", type);
        signal.put("sdp", "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
                + "a=ice-ufrag:Xk3q\r\na=ice-pwd:p8Zc0ZbcRL2ZnTqzZ8jG4Q4b\r\n"
                + "a=fingerprint:sha-256 6B:8B:5D:EA:59:04:20:23:29:C8:87:1C:CC:87:32:BE:DD:8C:66:A5:8E:50\r\n"
                + "a=setup:actpass\r\na=mid:0\r\na=sctp-port:5000\r\na=max-message-size:262144\r\n"
                + "a=x-loopback-endpoint:" + id + "\r\n");
        return signal;
    }

    private static Map<String, Object> candidate() {
        Map<String, Object> candidate = new LinkedHashMap<>();
        candidate.put("candidate", "candidate:842163049 1 udp 1677729535 203.0.113.77 54400 typ srflx raddr 0.0.0.0"
                + " rport 0 generation 0 ufrag Xk3q network-cost 999");
        candidate.put("sdpMLineIndex", 0);
        candidate.put("sdpMid", "0");
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("type", "candidate");
        signal.put("candidate", candidate);
        return signal;
    }

    private final class Endpoint implements PeerConnection {
        final int id = nextId++;
        final Listener listener;
        Endpoint remote;
        boolean connected;
        boolean closed;

        Endpoint(boolean initiator, Listener listener) {
            this.listener = listener;
            endpoints.put(id, this);
            if (initiator) {
                loop.schedule(0, () -> {
                    if (!closed) {
                        listener.onSignal(description("offer", id));
                        listener.onSignal(candidate());
                    }
                });
            }
        }

        @Override
        public void signal(Map<String, Object> signal) {
            if (closed) {
                return;
            }
            Object type = signal.get("type");
            if ("offer".equals(type) || "answer".equals(type)) {
                String sdp = (String) signal.get("sdp");
                String id = sdp.substring(sdp.indexOf("a=x-loopback-endpoint:") + 22).trim();
                remote = endpoints.get(Integer.parseInt(id));
                if ("offer".equals(type)) {
                    listener.onSignal(description("answer", this.id));
                    listener.onSignal(candidate());
                } else if (remote != null) {
                    remote.remote = this;
                    loop.schedule(5, () -> {
                        open();
                        remote.open();
                    });
                }
            }
        }

        void open() {
            if (!closed && !connected) {
                connected = true;
                listener.onConnect();
            }
        }

        @Override
        public boolean send(byte[] message) {
            if (!connected || closed || remote == null) {
                return false;
            }
            byte[] copy = message.clone();
            Endpoint target = remote;
            loop.schedule(0, () -> {
                if (!target.closed) {
                    target.listener.onData(copy);
                }
            });
            return true;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            Endpoint target = remote;
            if (target != null) {
                loop.schedule(0, () -> {
                    if (!target.closed) {
                        target.closed = true;
                        target.listener.onClose("Remote closed");
                    }
                });
            }
        }
    }
}
