package org.vaultsync.crdt.encoding;

/**
 * Shared {@link Double}s for the small non-negative integers that decoded values are full of (counts, ratings,
 * sizes): after TeaVM every boxed number is an object, where V8 keeps a small integer unboxed. {@code Double} is
 * immutable, so sharing is invisible; {@code -0} is never taken from here (it is not a small integer's box).
 */
final class SmallNumbers {
    private static final int COUNT = 4096;
    private static final Double[] BOXES = new Double[COUNT];

    private SmallNumbers() {
    }

    /** {@code value} boxed: a shared box for the integers 0 ... 4095 (+0 only), a new one otherwise. */
    static Double of(double value) {
        if (value >= 0 && value < COUNT && value == (int) value && 1 / value > 0) {
            int i = (int) value;
            Double box = BOXES[i];
            if (box == null) {
                box = value;
                BOXES[i] = box;
            }
            return box;
        }
        return value;
    }
}
