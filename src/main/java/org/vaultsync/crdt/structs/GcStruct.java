package org.vaultsync.crdt.structs;

import org.vaultsync.crdt.encoding.Lib0Writer;

/** Garbage-collected clocks: deleted, with content and position forgotten. */
public final class GcStruct extends Struct {
    public static final int REF = 0;

    public GcStruct(int client, int clock, int length) {
        super(client, clock, length);
    }

    @Override
    public boolean isDeleted() {
        return true;
    }

    @Override
    public boolean mergeWith(Struct right) {
        if (!(right instanceof GcStruct)) {
            return false;
        }
        length += right.length;
        return true;
    }

    @Override
    public void write(Lib0Writer writer, int offset) {
        writer.writeUint8(REF);
        writer.writeVarUint(length - offset);
    }

    @Override
    public Struct sliceFrom(int offset) {
        return new GcStruct(client, clock + offset, length - offset);
    }
}
