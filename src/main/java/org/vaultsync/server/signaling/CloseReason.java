package org.vaultsync.server.signaling;

/**
 * Why the server ends a signaling connection, with the WebSocket close code a client sees. Standard codes only, so
 * any WebSocket library reports them meaningfully; the reason text tells the cases apart.
 */
public enum CloseReason {
    MALFORMED_JSON(1007, "malformed JSON"),
    TOO_MANY_TOPICS(1008, "too many topics"),
    RATE_LIMITED(1008, "message rate limit exceeded"),
    SLOW_CONSUMER(1008, "too slow to receive messages"),
    FRAME_TOO_LARGE(1009, "frame too large"),
    IDLE_TIMEOUT(1001, "idle timeout"),
    KEEPALIVE_TIMEOUT(1001, "no pong to keep-alive ping"),
    TOO_MANY_CONNECTIONS(1013, "too many connections"),
    SERVER_STOPPING(1001, "server stopping");

    private final int code;
    private final String text;

    CloseReason(int code, String text) {
        this.code = code;
        this.text = text;
    }

    public int code() {
        return code;
    }

    public String text() {
        return text;
    }

    /** The label used in metrics and logs. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
