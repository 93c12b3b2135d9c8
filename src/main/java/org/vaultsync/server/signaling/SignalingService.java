package org.vaultsync.server.signaling;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * The y-webrtc signaling endpoint: admits connections within the limits, routes publishes to local subscribers and
 * through the relay to other nodes, and runs the keep-alive sweep.
 */
public final class SignalingService implements WebSocketCreator {
    /** After a server-side close, a client gets this long to acknowledge before its socket is cut. */
    private static final long CLOSE_GRACE_MILLIS = 2_000;
    private static final int BATCH_BUFFER_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SignalingService.class);

    private final SignalingLimits limits;
    private final SignalingMetrics metrics = new SignalingMetrics();
    private final SignalingLog log = new SignalingLog();
    private final TopicRelay relay;
    private final TopicRegistry registry;
    private final AddressCounter perAddress;
    private final Set<SignalingSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService timer;
    private final CoalescingFlusher flusher = CoalescingFlusher.perCore();

    public SignalingService(SignalingLimits limits, TopicRelay relay) {
        this.limits = limits;
        this.relay = relay;
        this.registry = new TopicRegistry(relay);
        this.perAddress = new AddressCounter(limits.maxConnectionsPerAddress());
        this.metrics.gauges(open::get, registry::size);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "signaling-keepalive");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Applies the frame and timeout limits to Jetty's container and starts the keep-alive sweep and the relay. */
    public void configure(ServerWebSocketContainer container) {
        container.setMaxTextMessageSize(limits.maxFrameBytes());
        container.setMaxBinaryMessageSize(limits.maxFrameBytes());
        // Room for the flusher to put a few dozen signaling frames in one write (Jetty batches frames up to a
        // quarter of this size; bigger ones are written on their own).
        container.setOutputBufferSize(BATCH_BUFFER_BYTES);
        // Our sweep closes idle connections with a clear code; Jetty's own timeout is only a backstop for dead sockets.
        container.setIdleTimeout(limits.idleTimeout().plus(limits.pingInterval()).plus(limits.pingInterval()));
        long tickMillis = Math.max(10, Math.min(limits.pingInterval().toMillis(), limits.idleTimeout().toMillis()) / 4);
        timer.scheduleAtFixedRate(this::sweep, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        relay.start(this::deliverFromOtherNode);
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String address = Request.getRemoteAddr(request);
        if (open.get() >= limits.maxConnections()) {
            metrics.rejected(false);
            log.rejected(address, "server_full");
            Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "Too many connections");
            return null;
        }
        if (!perAddress.hasRoom(address)) {
            metrics.rejected(true);
            log.rejected(address, "per_address_limit");
            Response.writeError(request, response, callback, HttpStatus.TOO_MANY_REQUESTS_429, "Too many connections from this address");
            return null;
        }
        // No permessage-deflate: signaling frames are small, and a compressor per connection costs more memory and
        // CPU than it saves in bytes.
        response.setExtensions(List.of());
        return new SignalingSession(this, ids.incrementAndGet(), address);
    }

    boolean admit(SignalingSession session) {
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            return false;
        }
        if (!perAddress.tryAcquire(session.address())) {
            open.decrementAndGet();
            return false;
        }
        session.markAdmitted();
        sessions.add(session);
        metrics.connectionsOpened.increment();
        log.opened(session);
        return true;
    }

    void leave(SignalingSession session) {
        if (sessions.remove(session)) {
            perAddress.release(session.address());
            open.decrementAndGet();
        }
    }

    void publish(String topic, Map<String, Object> message, String frame) {
        boolean handedOver = relay.publish(topic, frame);
        if (!handedOver) {
            metrics.dropped(DropReason.CLUSTER_UNAVAILABLE);
        }
        int local = registry.deliver(topic, message, frame);
        if (local == 0 && !relay.clustered()) {
            metrics.dropped(DropReason.NO_SUBSCRIBERS);
        }
    }

    private void deliverFromOtherNode(String topic, String frame) {
        try {
            if (Json.parse(frame) instanceof Map<?, ?> raw) {
                @SuppressWarnings("unchecked")
                Map<String, Object> message = (Map<String, Object>) raw;
                registry.deliver(topic, message, frame);
            }
        } catch (JsonException e) {
            metrics.dropped(DropReason.NOT_A_MESSAGE);
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            long idle = limits.idleTimeout().toNanos();
            long ping = limits.pingInterval().toNanos();
            for (SignalingSession session : sessions) {
                session.checkTimers(now, idle, ping);
            }
        } catch (RuntimeException e) {
            LOG.warn("event=sweep_failed error={}", e.toString());
        }
    }

    void disconnectLater(Session session) {
        timer.schedule(() -> {
            if (session.isOpen()) {
                session.disconnect();
            }
        }, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Closes every connection with 1001 (clients reconnect elsewhere) and stops the relay. */
    public void stop() {
        for (SignalingSession session : sessions) {
            session.finish(CloseReason.SERVER_STOPPING);
        }
        timer.shutdownNow();
        flusher.stop();
        relay.stop();
    }

    public SignalingMetrics metrics() {
        return metrics;
    }

    public void writePrometheus(StringBuilder out) {
        metrics.writePrometheus(out);
        relay.writePrometheus(out);
    }

    SignalingLimits limits() {
        return limits;
    }

    TopicRegistry registry() {
        return registry;
    }

    CoalescingFlusher flusher() {
        return flusher;
    }

    SignalingLog log() {
        return log;
    }
}
