package org.vaultsync.server.signaling;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * One client's signaling connection. Jetty delivers its frames one at a time (auto-demand after each), so the
 * per-connection state below is only written by one reader thread; sends may come from any thread.
 */
public final class SignalingSession implements Session.Listener.AutoDemanding {
    /** Signaling objects are shallow (an SDP signal is 4 levels); deeper input is hostile. */
    private static final int MAX_JSON_DEPTH = 32;
    /**
     * A connection flushed less than this long ago is receiving steadily: its next flush goes to the flusher, which
     * takes whatever else arrives meanwhile along. One flushed longer ago is flushed by the caller at once. Measured
     * on the signaling benchmark (docs/benchmarks.md): 5 ms kept light-load p99 as low as flushing every frame at
     * once, and heavy-load throughput as high as always handing over; 0.2 and 1 ms lost 15 % at 400,000/s.
     */
    private static final long COALESCING_WINDOW_NANOS = 5_000_000;
    private static final ByteBuffer PONG = ByteBuffer.wrap("{\"type\":\"pong\"}".getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();

    private final SignalingService service;
    private final long id;
    private final String address;
    private final Set<String> topics = new HashSet<>();
    private final RateLimiter rate;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    private volatile Session session;
    private volatile CoreSession core;
    private volatile boolean admitted;
    private volatile long lastMessageNanos;
    private volatile long lastFlushNanos;
    private volatile long lastPingNanos;
    private volatile boolean awaitingPong;
    private long messagesIn;

    SignalingSession(SignalingService service, long id, String address) {
        this.service = service;
        this.id = id;
        this.address = address;
        long now = System.nanoTime();
        this.rate = new RateLimiter(service.limits().messagesPerSecond(), service.limits().messageBurst(), now);
        this.lastMessageNanos = now;
        this.lastPingNanos = now;
        this.lastFlushNanos = now - COALESCING_WINDOW_NANOS;
    }

    long id() {
        return id;
    }

    String address() {
        return address;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        // The core session takes ready-encoded frames, so one publish is UTF-8-encoded once, not once per subscriber.
        this.core = session instanceof WebSocketSession jetty ? jetty.getCoreSession() : null;
        if (!service.admit(this)) {
            finish(CloseReason.TOO_MANY_CONNECTIONS);
        }
    }

    /** Set by the service before the session becomes visible to the sweep, so a close then always releases it. */
    void markAdmitted() {
        admitted = true;
    }

    @Override
    public void onWebSocketText(String text) {
        if (finished.get()) {
            return;
        }
        long now = System.nanoTime();
        service.metrics().messagesIn.increment();
        service.metrics().bytesIn.add(text.length());
        messagesIn++;
        if (!rate.tryTake(now)) {
            finish(CloseReason.RATE_LIMITED);
            return;
        }
        lastMessageNanos = now;
        Object parsed;
        try {
            parsed = Json.parse(text, MAX_JSON_DEPTH);
        } catch (JsonException e) {
            finish(CloseReason.MALFORMED_JSON);
            return;
        }
        handle(parsed, text);
    }

    /** y-webrtc's server JSON-parses binary frames too; we do the same, but only for valid UTF-8. */
    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(payload).toString();
        } catch (CharacterCodingException e) {
            callback.succeed();
            finish(CloseReason.MALFORMED_JSON);
            return;
        }
        callback.succeed();
        onWebSocketText(text);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        awaitingPong = false;
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        if (cause instanceof MessageTooLargeException && finished.compareAndSet(false, true)) {
            // Jetty has already answered 1009; we only account for it.
            service.metrics().closed(CloseReason.FRAME_TOO_LARGE);
            service.log().closed(this, CloseReason.FRAME_TOO_LARGE);
            release();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        if (finished.compareAndSet(false, true)) {
            service.log().clientClosed(this, statusCode);
            release();
        }
        callback.succeed();
    }

    private void handle(Object parsed, String frame) {
        if (!(parsed instanceof Map<?, ?> raw) || !(raw.get("type") instanceof String type)) {
            service.metrics().dropped(DropReason.NOT_A_MESSAGE);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) raw;
        switch (type) {
            case "subscribe" -> subscribe(message.get("topics"));
            case "unsubscribe" -> unsubscribe(message.get("topics"));
            case "publish" -> publish(message, frame);
            case "ping" -> send(PONG);
            default -> service.metrics().dropped(DropReason.UNKNOWN_TYPE);
        }
    }

    private void subscribe(Object topicsField) {
        if (topicsField == null) {
            return; // y-webrtc treats a missing list as empty
        }
        if (!(topicsField instanceof List<?> names)) {
            service.metrics().dropped(DropReason.INVALID_FIELD);
            return;
        }
        int maxLength = service.limits().maxTopicLength();
        for (Object name : names) {
            if (!(name instanceof String topic) || topic.length() > maxLength) {
                service.metrics().dropped(DropReason.INVALID_TOPIC);
                continue;
            }
            synchronized (topics) {
                if (topics.contains(topic)) {
                    continue;
                }
                if (topics.size() >= service.limits().maxTopicsPerConnection()) {
                    finish(CloseReason.TOO_MANY_TOPICS);
                    return;
                }
                topics.add(topic);
            }
            service.registry().subscribe(topic, this);
            if (finished.get()) {
                service.registry().unsubscribe(topic, this); // closed by the sweep meanwhile: do not leave it behind
            }
        }
    }

    private void unsubscribe(Object topicsField) {
        if (topicsField == null) {
            return;
        }
        if (!(topicsField instanceof List<?> names)) {
            service.metrics().dropped(DropReason.INVALID_FIELD);
            return;
        }
        for (Object name : names) {
            if (name instanceof String topic) {
                boolean removed;
                synchronized (topics) {
                    removed = topics.remove(topic);
                }
                if (removed) {
                    service.registry().unsubscribe(topic, this);
                }
            }
        }
    }

    private void publish(Map<String, Object> message, String frame) {
        // y-webrtc's server forwards any truthy topic; only strings can name a subscribed topic.
        if (!(message.get("topic") instanceof String topic) || topic.isEmpty()) {
            service.metrics().dropped(DropReason.INVALID_FIELD);
            return;
        }
        service.publish(topic, message, frame);
    }

    /**
     * Queues one text frame (UTF-8 {@code payload}, shared with other subscribers and never modified) for this
     * client, unless it has stopped reading: then it is closed instead of buffered.
     */
    void send(ByteBuffer payload) {
        Session current = session;
        if (current == null || finished.get()) {
            return;
        }
        int utf8Bytes = payload.remaining();
        long queued = queuedBytes.addAndGet(utf8Bytes);
        if (queued > service.limits().maxQueuedBytes()) {
            queuedBytes.addAndGet(-utf8Bytes);
            finish(CloseReason.SLOW_CONSUMER);
            return;
        }
        service.metrics().messagesOut.increment();
        service.metrics().bytesOut.add(utf8Bytes);
        CoreSession direct = core;
        if (direct != null) {
            // Batched: copied into this connection's batch now, then written at once by this thread or, for a
            // connection receiving steadily, by the flusher along with whatever else arrives for it meanwhile. Jetty
            // reports a batched frame as sent once it is copied, so the queued-bytes count covers frames still
            // waiting in Jetty's queue behind a write the socket has not taken yet.
            direct.sendFrame(new Frame(OpCode.TEXT, payload.slice()), org.eclipse.jetty.util.Callback.from(
                    () -> queuedBytes.addAndGet(-utf8Bytes), failure -> queuedBytes.addAndGet(-utf8Bytes)), true);
            if (!flushRequested.getAndSet(true)) {
                if (System.nanoTime() - lastFlushNanos < COALESCING_WINDOW_NANOS) {
                    service.flusher().request(this);
                } else {
                    flushBatched();
                }
            }
        } else {
            current.sendText(StandardCharsets.UTF_8.decode(payload.slice()).toString(), Callback.from(
                    () -> queuedBytes.addAndGet(-utf8Bytes), failure -> queuedBytes.addAndGet(-utf8Bytes)));
        }
    }

    /**
     * Writes every frame batched so far. The request flag is cleared before the flush, so a frame batched after
     * this point asks for a flush of its own, and one batched before it leaves with this one.
     */
    void flushBatched() {
        flushRequested.set(false);
        lastFlushNanos = System.nanoTime();
        CoreSession direct = core;
        if (direct != null && !finished.get()) {
            service.metrics().flushes.increment();
            direct.flush(org.eclipse.jetty.util.Callback.NOOP);
        }
    }

    /** Called by the service's sweep: idle connections and connections that stopped answering pings are closed. */
    void checkTimers(long nowNanos, long idleNanos, long pingNanos) {
        if (finished.get()) {
            return;
        }
        if (nowNanos - lastMessageNanos >= idleNanos) {
            finish(CloseReason.IDLE_TIMEOUT);
        } else if (nowNanos - lastPingNanos >= pingNanos) {
            if (awaitingPong) {
                finish(CloseReason.KEEPALIVE_TIMEOUT);
                return;
            }
            awaitingPong = true;
            lastPingNanos = nowNanos;
            Session current = session;
            if (current != null) {
                current.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
            }
        }
    }

    int topicCount() {
        synchronized (topics) {
            return topics.size();
        }
    }

    long messagesIn() {
        return messagesIn;
    }

    /** Server-side close: stop all delivery now, tell the client why, and cut the socket if it cannot even take that. */
    void finish(CloseReason reason) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        service.metrics().closed(reason);
        service.log().closed(this, reason);
        release();
        Session current = session;
        if (current != null) {
            current.close(reason.code(), reason.text(), Callback.NOOP);
            service.disconnectLater(current);
        }
    }

    private void release() {
        String[] left;
        synchronized (topics) {
            left = topics.toArray(new String[0]);
            topics.clear();
        }
        for (String topic : left) {
            service.registry().unsubscribe(topic, this);
        }
        if (admitted) {
            admitted = false;
            service.leave(this);
        }
    }
}
