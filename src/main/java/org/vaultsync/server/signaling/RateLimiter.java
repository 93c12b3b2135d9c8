package org.vaultsync.server.signaling;

/** A token bucket: {@code burst} messages at once, refilled at {@code perSecond}. Used by one reader thread at a time. */
final class RateLimiter {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    RateLimiter(double perSecond, int burst, long nowNanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    synchronized boolean tryTake(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
        lastNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
