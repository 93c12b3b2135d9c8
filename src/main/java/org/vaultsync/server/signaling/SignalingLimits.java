package org.vaultsync.server.signaling;

import java.time.Duration;

/**
 * Every limit and timer of the signaling endpoint. Defaults suit a public node; tests shrink the timers so that
 * idle and keep-alive cases run in milliseconds.
 *
 * @param maxFrameBytes            largest accepted text frame (Jetty closes bigger ones with 1009)
 * @param maxTopicsPerConnection   topics one connection may subscribe to at once (more: close 1008)
 * @param maxTopicLength           longest topic name in characters (longer names are ignored)
 * @param maxConnectionsPerAddress open connections from one client address (more: HTTP 429 before the upgrade)
 * @param maxConnections           open connections in this process (more: HTTP 503 before the upgrade)
 * @param messagesPerSecond        sustained message rate per connection (token bucket refill)
 * @param messageBurst             messages a connection may send at once before the rate applies (bucket size)
 * @param maxQueuedBytes           bytes waiting to be written to one connection; beyond it the consumer is too slow
 * @param idleTimeout              close a connection that sent no message for this long (y-webrtc pings every 15 s)
 * @param pingInterval             send a WebSocket ping this often; no pong by the next one closes the connection
 */
public record SignalingLimits(
        int maxFrameBytes,
        int maxTopicsPerConnection,
        int maxTopicLength,
        int maxConnectionsPerAddress,
        int maxConnections,
        double messagesPerSecond,
        int messageBurst,
        long maxQueuedBytes,
        Duration idleTimeout,
        Duration pingInterval) {

    public static final SignalingLimits DEFAULTS = new SignalingLimits(
            256 * 1024, 100, 512, 64, 50_000, 50, 200, 1024 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(30));

    public SignalingLimits {
        positive(maxFrameBytes, "maxFrameBytes");
        positive(maxTopicsPerConnection, "maxTopicsPerConnection");
        positive(maxTopicLength, "maxTopicLength");
        positive(maxConnectionsPerAddress, "maxConnectionsPerAddress");
        positive(maxConnections, "maxConnections");
        positive(messageBurst, "messageBurst");
        if (!(messagesPerSecond > 0)) {
            throw new IllegalArgumentException("messagesPerSecond must be positive, got " + messagesPerSecond);
        }
        if (maxQueuedBytes < maxFrameBytes) {
            throw new IllegalArgumentException("maxQueuedBytes (" + maxQueuedBytes
                    + ") must hold at least one frame of maxFrameBytes (" + maxFrameBytes + ")");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("idleTimeout and pingInterval must be positive");
        }
    }

    private static void positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    public SignalingLimits withMaxFrameBytes(int value) {
        return new SignalingLimits(value, maxTopicsPerConnection, maxTopicLength, maxConnectionsPerAddress,
                maxConnections, messagesPerSecond, messageBurst, Math.max(maxQueuedBytes, value), idleTimeout, pingInterval);
    }

    public SignalingLimits withMaxTopicsPerConnection(int value) {
        return new SignalingLimits(maxFrameBytes, value, maxTopicLength, maxConnectionsPerAddress, maxConnections,
                messagesPerSecond, messageBurst, maxQueuedBytes, idleTimeout, pingInterval);
    }

    public SignalingLimits withMaxConnectionsPerAddress(int value) {
        return new SignalingLimits(maxFrameBytes, maxTopicsPerConnection, maxTopicLength, value, maxConnections,
                messagesPerSecond, messageBurst, maxQueuedBytes, idleTimeout, pingInterval);
    }

    public SignalingLimits withMaxConnections(int value) {
        return new SignalingLimits(maxFrameBytes, maxTopicsPerConnection, maxTopicLength, maxConnectionsPerAddress,
                value, messagesPerSecond, messageBurst, maxQueuedBytes, idleTimeout, pingInterval);
    }

    public SignalingLimits withRate(double perSecond, int burst) {
        return new SignalingLimits(maxFrameBytes, maxTopicsPerConnection, maxTopicLength, maxConnectionsPerAddress,
                maxConnections, perSecond, burst, maxQueuedBytes, idleTimeout, pingInterval);
    }

    public SignalingLimits withMaxQueuedBytes(long value) {
        return new SignalingLimits(maxFrameBytes, maxTopicsPerConnection, maxTopicLength, maxConnectionsPerAddress,
                maxConnections, messagesPerSecond, messageBurst, value, idleTimeout, pingInterval);
    }

    public SignalingLimits withTimers(Duration idle, Duration ping) {
        return new SignalingLimits(maxFrameBytes, maxTopicsPerConnection, maxTopicLength, maxConnectionsPerAddress,
                maxConnections, messagesPerSecond, messageBurst, maxQueuedBytes, idle, ping);
    }
}
