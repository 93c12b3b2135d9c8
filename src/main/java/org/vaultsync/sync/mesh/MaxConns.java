package org.vaultsync.sync.mesh;

import java.util.function.DoubleSupplier;

/** y-webrtc's connection cap: random in 20..34 so that large rooms do not all saturate at the same size. */
public final class MaxConns {
    public static final int MIN = 20;
    public static final int SPREAD = 15;

    private MaxConns() {
    }

    public static int choose(DoubleSupplier random) {
        double r = random.getAsDouble();
        if (!(r >= 0 && r < 1)) {
            r = 0;
        }
        return MIN + (int) Math.floor(r * SPREAD);
    }
}
