package org.vaultsync.crdt.structs;

/** A gap of unknown clocks in an encoded update. Never integrated, never stored in a document. */
public final class SkipStruct extends ClockRangeStruct {
    public static final int REF = 10;

    public SkipStruct(int client, int clock, int length) {
        super(client, clock, length);
    }

    @Override
    int ref() {
        return REF;
    }

    @Override
    ClockRangeStruct over(int clock, int length) {
        return new SkipStruct(client, clock, length);
    }
}
