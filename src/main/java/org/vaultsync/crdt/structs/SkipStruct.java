package org.vaultsync.crdt.structs;

import org.vaultsync.crdt.encoding.Lib0Writer;

/** A gap of unknown clocks in an encoded update. Never integrated, never stored in a document. */
public final class SkipStruct extends Struct {
    public static final int REF = 10;

    public SkipStruct(int client, int clock, int length) {
        super(client, clock, length);
    }

    @Override
    public boolean isDeleted() {
        return true;
    }

    @Override
    public boolean mergeWith(Struct right) {
        if (!(right instanceof SkipStruct)) {
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
        return new SkipStruct(client, clock + offset, length - offset);
    }
}
