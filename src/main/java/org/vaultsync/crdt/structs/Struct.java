package org.vaultsync.crdt.structs;

import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.id.Id;

/** A run of consecutive clocks of one client: an {@link Item}, a {@link GcStruct} or a {@link SkipStruct}. */
public abstract class Struct {
    public final int client;
    public int clock;
    public int length;

    protected Struct(int client, int clock, int length) {
        this.client = client;
        this.clock = clock;
        this.length = length;
    }

    public Id id() {
        return new Id(client, clock);
    }

    /** Whether this struct's last clock is {@code id} (a comparison without making this struct's last ID). */
    public boolean endsAt(Id id) {
        return id.client == client && id.clock == clock + length - 1;
    }

    public abstract boolean isDeleted();

    /** Absorbs the adjacent {@code right} struct if the two can become one; false leaves both unchanged. */
    public abstract boolean mergeWith(Struct right);

    /** Writes the struct in update v1 form, leaving out its first {@code offset} clocks. */
    public abstract void write(Lib0Writer writer, int offset);

    /** A copy of the clocks from {@code offset} on (used when merging and diffing encoded updates). */
    public abstract Struct sliceFrom(int offset);

    @Override
    public String toString() {
        return "struct " + id() + "x" + length; // no class name: see common.TypeNames
    }
}
