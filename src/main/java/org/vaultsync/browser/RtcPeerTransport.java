package org.vaultsync.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Int8Array;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.sync.mesh.PeerConnection;
import org.vaultsync.sync.mesh.PeerTransport;

/**
 * WebRTC peers that y-webrtc's simple-peer understands: signals {@code {type:'offer'|'answer', sdp}} and
 * {@code {type:'candidate', candidate:{candidate, sdpMLineIndex, sdpMid}}} with trickle ICE, one ordered reliable
 * data channel opened by the initiator, binary messages. After glare (both sides offered, one offer rolled back) each
 * side may hold a channel of its own and the other's: messages are read from every channel and sent on the first one
 * that opened, so the two sides never talk past each other. Unlike simple-peer, sending never throws into the void: a
 * message larger than the remote end accepts is refused (the sync layer cuts updates to 16 KiB, so this only
 * guards), and above {@link #HIGH_WATER_BYTES} buffered bytes messages wait here until the channel drains
 * ({@code bufferedamountlow}), up to {@link #MAX_QUEUED_BYTES}, after which sends fail and the sync layer resyncs.
 */
public final class RtcPeerTransport implements PeerTransport {
    public static final int HIGH_WATER_BYTES = 1024 * 1024;
    public static final int LOW_WATER_BYTES = 256 * 1024;
    public static final int MAX_QUEUED_BYTES = 16 * 1024 * 1024;
    /** How long after a connection opened the next one is made ahead (see {@link #prepareNext()}). */
    static final int NEXT_STANDBY_DELAY_MILLIS = 300;

    private String iceServersJson;
    private final RandomBytes random;
    private boolean prepared;
    /** Made by {@link #prepare()}, taken by the next connection. */
    private RtcBindings.PeerConnection standby;
    private boolean standbyPending;
    /** Offers waiting for their turn to be answered, oldest first (see {@link #answerInTurn}). */
    private final List<Runnable> waitingOffers = new ArrayList<>();
    private boolean answering;

    /** {@code iceServersJson}: the {@code RTCConfiguration.iceServers} array as JSON ({@code []}: host candidates only). */
    public RtcPeerTransport(String iceServersJson, RandomBytes random) {
        this.iceServersJson = iceServersJson;
        this.random = random;
    }

    public static boolean isSupported() {
        return RtcBindings.isSupported();
    }

    /**
     * New ICE servers for the connections made from now on (the server's client configuration arrived after the
     * client started). A connection prepared with the old ones and not yet used is dropped, to be prepared again.
     */
    public void configure(String iceServers) {
        if (iceServers.equals(iceServersJson)) {
            return;
        }
        iceServersJson = iceServers;
        if (standby != null) {
            standby.close();
            standby = null;
            prepared = false;
        }
    }

    /**
     * Makes the page's first {@code RTCPeerConnection} ahead of need and keeps it for the first peer, so that peer's
     * offer or answer does not wait for WebRTC's threads to start: the first one of a page took 12–26 ms on an idle
     * machine and 25–60 ms during a room's join, every later one 2–4 ms (and closing one 10 ms, so it is kept, not
     * made and closed). An unused connection gathers nothing and sends nothing.
     */
    @Override
    public void prepare() {
        if (!prepared && isSupported()) {
            prepared = true;
            standby = RtcBindings.create(iceServersJson);
        }
    }

    /**
     * After a connection opened, the one for the next peer is made ahead as well, once the opening is over. A page
     * already in a room answers every newcomer's announce with an offer, and making the {@code RTCPeerConnection}
     * first was the longest step before it: 55–85 ms median for each newcomer while ten pages shared two cores
     * ({@code bin/bench-browser-sync}). The delay keeps it out of the burst of a newcomer connecting to everyone.
     */
    private void prepareNext() {
        if (!prepared || standby != null || standbyPending) {
            return;
        }
        standbyPending = true;
        new BrowserScheduler().schedule(NEXT_STANDBY_DELAY_MILLIS, () -> {
            standbyPending = false;
            if (prepared && standby == null) {
                standby = RtcBindings.create(iceServersJson);
            }
        });
    }

    /**
     * Answers the page's offers one at a time: the offer, the answer and its local description of one connection
     * before the next offer is touched. A newcomer gets an offer from everyone in the room at once, and the browser
     * runs every connection's steps on one WebRTC thread: taken all together, the first answer waited behind every
     * other offer's {@code setRemoteDescription} (its {@code createAnswer} took 150 ms against 40 for y-webrtc's
     * newcomer, which is slower to start each one). In turn, the first connection gets going while the others wait,
     * and the whole takes no longer: the steps share that one thread either way. A turn always ends: with the
     * answer sent, or with the connection closed (failed, or given up by the mesh after
     * {@code RoomMesh.PEER_CONNECT_TIMEOUT_MILLIS}).
     */
    private void answerInTurn(Runnable answer) {
        waitingOffers.add(answer);
        if (!answering) {
            nextTurn();
        }
    }

    private void turnEnded() {
        answering = false;
        nextTurn();
    }

    private void nextTurn() {
        if (!waitingOffers.isEmpty()) {
            answering = true;
            waitingOffers.remove(0).run();
        }
    }

    @Override
    public PeerConnection create(boolean initiator, PeerConnection.Listener listener) {
        prepared = true; // whatever had to start has started
        return new Peer(initiator, listener);
    }

    private String channelLabel() {
        byte[] bytes = new byte[20];
        random.fill(bytes);
        StringBuilder label = new StringBuilder(40);
        for (byte b : bytes) {
            label.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return label.toString();
    }

    private final class Peer implements PeerConnection {
        private final PeerConnection.Listener listener;
        /** Made at once by an initiator; by an answering peer when its offer's turn comes (see answerInTurn). */
        private RtcBindings.PeerConnection pc;
        private boolean holdsTurn;
        private final List<JSObject> pendingCandidates = new ArrayList<>();
        /** Messages waiting for the channel's buffer to drain, oldest first (a list: no ArrayDeque in the client). */
        private final List<byte[]> queue = new ArrayList<>();
        private final List<RtcBindings.DataChannel> channels = new ArrayList<>();
        /** The first channel that opened: every message goes out on it, in order. */
        private RtcBindings.DataChannel channel;
        private int queuedBytes;
        private boolean connected;
        private boolean closed;

        Peer(boolean initiator, PeerConnection.Listener listener) {
            this.listener = listener;
            if (initiator) {
                open();
                attach(pc.createDataChannel(channelLabel()));
                pc.createOffer()
                        .flatThen(offer -> pc.setLocalDescription(offer).then(ignored -> offer))
                        .then(offer -> {
                            emitDescription(offer);
                            return null;
                        }, error -> {
                            fail("Could not create an offer: " + RtcBindings.describe(error));
                            return null;
                        });
            }
        }

        private void open() {
            pc = standby != null ? standby : RtcBindings.create(iceServersJson);
            standby = null;
            RtcBindings.listen(pc, "icecandidate datachannel connectionstatechange", (type, event) -> {
                if (type.equals("icecandidate")) {
                    JSObject candidate = RtcBindings.candidateOf(event);
                    if (candidate != null && !closed) {
                        listener.onSignal(candidateSignal(candidate));
                    }
                } else if (type.equals("datachannel")) {
                    // Both sides accept the other's channel: after glare the initiator may have answered the other's
                    // offer.
                    attach(RtcBindings.channelOf(event));
                } else {
                    String state = pc.getConnectionState();
                    if ("failed".equals(state) || "closed".equals(state)) {
                        fail("WebRTC connection " + state);
                    }
                }
            });
        }

        private void attach(RtcBindings.DataChannel dataChannel) {
            if (closed) {
                dataChannel.close();
                return;
            }
            channels.add(dataChannel);
            dataChannel.setBinaryType("arraybuffer");
            dataChannel.setBufferedAmountLowThreshold(LOW_WATER_BYTES);
            RtcBindings.listen(dataChannel, "open message bufferedamountlow close error", (type, event) -> {
                if (type.equals("open")) {
                    if (!closed && channel == null) {
                        channel = dataChannel;
                        connected = true;
                        listener.onConnect();
                        prepareNext();
                    }
                } else if (type.equals("message")) {
                    Int8Array bytes = RtcBindings.messageBytes(event);
                    if (bytes != null && !closed) {
                        listener.onData(bytes.toJavaArray());
                    }
                } else if (dataChannel == channel) {
                    if (type.equals("bufferedamountlow")) {
                        drain();
                    } else {
                        fail(type.equals("close") ? "Data channel closed" : "Data channel failed");
                    }
                }
            });
        }

        @Override
        public void signal(Map<String, Object> signal) {
            if (closed) {
                return;
            }
            Object type = signal.get("type");
            if ("offer".equals(type) || "answer".equals(type)) {
                Object sdp = signal.get("sdp");
                if (!(sdp instanceof String)) {
                    return;
                }
                JSObject description = RtcBindings.description((String) type, (String) sdp);
                if ("offer".equals(type)) {
                    answerInTurn(() -> answer(description));
                } else if (pc != null) {
                    applyRemote(description).catchError(error -> {
                        fail("Could not accept the answer: " + RtcBindings.describe(error));
                        return null;
                    });
                }
            } else if ("candidate".equals(type) && signal.get("candidate") instanceof Map<?, ?> candidate) {
                Object line = candidate.get("candidate");
                if (!(line instanceof String)) {
                    return;
                }
                Object mid = candidate.get("sdpMid");
                Object index = candidate.get("sdpMLineIndex");
                JSObject ice = RtcBindings.candidate((String) line, mid instanceof String ? (String) mid : null,
                        index instanceof Number number ? number.intValue() : -1);
                if (pc == null || pc.getRemoteDescription() == null) {
                    pendingCandidates.add(ice); // trickled ahead of the offer or answer, or its turn
                } else {
                    addCandidate(ice);
                }
            }
            // Other simple-peer signals (renegotiate, transceiverRequest) concern media, which rooms never use.
        }

        /** This peer's turn to answer {@code offer}: the connection is made now if it was not. */
        private void answer(JSObject offer) {
            if (closed) {
                turnEnded();
                return;
            }
            holdsTurn = true;
            if (pc == null) {
                open();
            }
            applyRemote(offer)
                    .flatThen(ignored -> pc.createAnswer())
                    .flatThen(answer -> pc.setLocalDescription(answer).then(ignored -> answer))
                    .then(answer -> {
                        emitDescription(answer);
                        endTurn();
                        return null;
                    }, error -> {
                        fail("Could not answer: " + RtcBindings.describe(error));
                        return null;
                    });
        }

        private void endTurn() {
            if (holdsTurn) {
                holdsTurn = false;
                turnEnded();
            }
        }

        private JSPromise<Object> applyRemote(JSObject description) {
            return pc.setRemoteDescription(description).then(ignored -> {
                flushCandidates();
                return null;
            });
        }

        private void flushCandidates() {
            for (JSObject candidate : pendingCandidates) {
                addCandidate(candidate);
            }
            pendingCandidates.clear();
        }

        private void addCandidate(JSObject candidate) {
            // A candidate the browser cannot use (another network, a stale generation) is not fatal: others may work.
            pc.addIceCandidate(candidate).catchError(error -> null);
        }

        private void emitDescription(JSObject description) {
            if (closed) {
                return;
            }
            Map<String, Object> signal = new LinkedHashMap<>();
            signal.put("type", RtcBindings.descriptionType(description));
            signal.put("sdp", RtcBindings.descriptionSdp(description));
            listener.onSignal(signal);
        }

        private Map<String, Object> candidateSignal(JSObject candidate) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("candidate", RtcBindings.candidateLine(candidate));
            int index = RtcBindings.candidateLineIndex(candidate);
            inner.put("sdpMLineIndex", index < 0 ? null : (Object) (double) index);
            inner.put("sdpMid", RtcBindings.candidateMid(candidate));
            Map<String, Object> signal = new LinkedHashMap<>();
            signal.put("type", "candidate");
            signal.put("candidate", inner);
            return signal;
        }

        @Override
        public boolean send(byte[] message) {
            if (closed || !connected || !"open".equals(channel.getReadyState())) {
                return false;
            }
            if (message.length > RtcBindings.maxMessageSize(pc)) {
                return false;
            }
            if (!queue.isEmpty() || channel.getBufferedAmount() + message.length > HIGH_WATER_BYTES) {
                if (queuedBytes + message.length > MAX_QUEUED_BYTES) {
                    return false;
                }
                queue.add(message.clone()); // the caller may reuse its array; the channel copies only on send
                queuedBytes += message.length;
                return true;
            }
            return RtcBindings.send(channel, Int8Array.fromJavaArray(message));
        }

        /** The channel's buffer ran low: send what waited, in order, until it is full again. */
        private void drain() {
            while (!closed && !queue.isEmpty()
                    && channel.getBufferedAmount() + queue.get(0).length <= HIGH_WATER_BYTES) {
                byte[] next = queue.remove(0);
                queuedBytes -= next.length;
                if (!RtcBindings.send(channel, Int8Array.fromJavaArray(next))) {
                    fail("Data channel refused a message");
                    return;
                }
            }
        }

        /** Messages waiting for the channel to drain (for tests and measurements). */
        int queuedBytes() {
            return queuedBytes;
        }

        private void fail(String reason) {
            if (closed) {
                return;
            }
            shutDown();
            listener.onClose(reason);
        }

        @Override
        public void close() {
            if (!closed) {
                shutDown();
            }
        }

        private void shutDown() {
            closed = true;
            endTurn();
            queue.clear();
            queuedBytes = 0;
            for (RtcBindings.DataChannel each : channels) {
                each.setOnClose(null);
                each.setOnError(null);
                each.setOnMessage(null);
                each.setOnOpen(null);
                each.close();
            }
            channels.clear();
            if (pc != null) {
                pc.setOnConnectionStateChange(null);
                pc.setOnIceCandidate(null);
                pc.close();
            }
        }
    }
}
