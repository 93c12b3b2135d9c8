package org.vaultsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void withoutJitterDelaysDoubleFromOneSecond() {
        Backoff backoff = new Backoff(() -> 0);
        assertEquals(1000, backoff.delayBefore(1));
        assertEquals(2000, backoff.delayBefore(2));
        assertEquals(4000, backoff.delayBefore(3));
        assertEquals(8000, backoff.delayBefore(4));
        assertEquals(16000, backoff.delayBefore(5));
        assertEquals(5, backoff.maxAttempts());
    }

    @Test
    void delaysAreCappedAtThirtySecondsEvenWithJitter() {
        assertEquals(30_000, new Backoff(() -> 0).delayBefore(6));
        assertEquals(19_168, new Backoff(() -> 0.99).delayBefore(5), "16 s plus 19.8 % stays under the cap");
        assertEquals(30_000, new Backoff(() -> 0.99).delayBefore(6), "32 s is capped");
        assertEquals(30_000, new Backoff(() -> 0.99).delayBefore(40));
    }

    @Test
    void jitterAddsUpToTwentyPercent() {
        Random random = new Random(7);
        Backoff backoff = new Backoff(random::nextDouble);
        for (int i = 0; i < 1000; i++) {
            long delay = backoff.delayBefore(3);
            assertTrue(delay >= 4000 && delay < 4800, "delay " + delay);
        }
        assertEquals(1199, new Backoff(() -> 0.9999).delayBefore(1));
    }

    @Test
    void badRandomValuesFallBackToNoJitter() {
        assertEquals(1000, new Backoff(() -> Double.NaN).delayBefore(1));
        assertEquals(1000, new Backoff(() -> 7).delayBefore(1));
    }

    @Test
    void attemptsStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(() -> 0).delayBefore(0));
    }
}
