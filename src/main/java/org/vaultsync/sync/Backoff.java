package org.vaultsync.sync;

import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, as the product asks: base 1 s, factor 2, cap 30 s, 0–20 % jitter, 5 attempts.
 * Jitter spreads reconnects of many peers after a shared outage so they do not all hit the signaling server at once.
 */
public final class Backoff {
    public static final long BASE_MILLIS = 1000;
    public static final int FACTOR = 2;
    public static final long CAP_MILLIS = 30_000;
    public static final double MAX_JITTER = 0.2;
    public static final int MAX_ATTEMPTS = 5;

    private final DoubleSupplier random;

    /** @param random uniform in [0, 1); injected so tests choose the jitter */
    public Backoff(DoubleSupplier random) {
        this.random = random;
    }

    public int maxAttempts() {
        return MAX_ATTEMPTS;
    }

    /** Delay before reconnect attempt {@code attempt} (1-based): 1 s, 2 s, 4 s, 8 s, 16 s, plus jitter, at most 30 s. */
    public long delayBefore(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt starts at 1, got " + attempt);
        }
        long base = BASE_MILLIS;
        for (int i = 1; i < attempt && base < CAP_MILLIS; i++) {
            base *= FACTOR;
        }
        double r = random.getAsDouble();
        if (!(r >= 0 && r < 1)) {
            r = 0;
        }
        long jittered = base + (long) Math.floor(base * MAX_JITTER * r);
        return Math.min(jittered, CAP_MILLIS);
    }
}
