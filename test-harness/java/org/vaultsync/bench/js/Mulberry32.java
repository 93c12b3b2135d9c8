package org.vaultsync.bench.js;

/**
 * The mulberry32 generator of the reference Yjs benchmark, in 32-bit int arithmetic so it yields exactly the
 * doubles JavaScript's version yields (and stays fast after TeaVM compilation: no {@code long}).
 */
final class Mulberry32 {
    private int seed;

    Mulberry32(int seed) {
        this.seed = seed;
    }

    /** A double in [0, 1). */
    double next() {
        seed += 0x6D2B79F5;
        int t = (seed ^ (seed >>> 15)) * (1 | seed);
        t = (t + (t ^ (t >>> 7)) * (61 | t)) ^ t;
        double unsigned = t ^ (t >>> 14);
        if (unsigned < 0) {
            unsigned += 4294967296.0;
        }
        return unsigned / 4294967296.0;
    }
}
