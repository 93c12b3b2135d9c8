package org.vaultsync.crdt.structs;

/** Garbage-collected clocks: deleted, with content and position forgotten. */
public final class GcStruct extends ClockRangeStruct {
    public static final int REF = 0;

    public GcStruct(int client, int clock, int length) {
        super(client, clock, length);
    }

    @Override
    int ref() {
        return REF;
    }

    @Override
    ClockRangeStruct over(int clock, int length) {
        return new GcStruct(client, clock, length);
    }
}
