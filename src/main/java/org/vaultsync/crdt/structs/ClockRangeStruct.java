package org.vaultsync.crdt.structs;

import org.vaultsync.crdt.encoding.Lib0Writer;

/**
 * A run of clocks that carries nothing but its length: garbage-collected clocks and gaps in an update. Runs of the
 * same kind merge, and on the wire both are a reference number and a length.
 */
abstract class ClockRangeStruct extends Struct {
    ClockRangeStruct(int client, int clock, int length) {
        super(client, clock, length);
    }

    abstract int ref();

    /** The same kind of run over other clocks. */
    abstract ClockRangeStruct over(int clock, int length);

    @Override
    public final boolean isDeleted() {
        return true;
    }

    @Override
    public final boolean mergeWith(Struct right) {
        if (right.getClass() != getClass()) {
            return false;
        }
        length += right.length;
        return true;
    }

    @Override
    public final void write(Lib0Writer writer, int offset) {
        writer.writeUint8(ref());
        writer.writeVarUint(length - offset);
    }

    @Override
    public final Struct sliceFrom(int offset) {
        return over(clock + offset, length - offset);
    }
}
