package org.vaultsync.crdt.id;

/** Clocks {@code [clock, clock + length)} of one client, as a delete set lists them. */
public final class IdRange {
    public final int clock;
    public int length;

    public IdRange(int clock, int length) {
        this.clock = clock;
        this.length = length;
    }

    public int end() {
        return clock + length;
    }

    @Override
    public String toString() {
        return "[" + clock + "," + end() + ")";
    }
}
