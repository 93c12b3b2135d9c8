package org.vaultsync.crdt.types;

import java.util.List;

/** One step of a list delta: keep {@code count} units, insert {@code values}, or delete {@code count} units. */
public record DeltaOp(Kind kind, int count, List<Object> values) {
    public enum Kind { RETAIN, INSERT, DELETE }

    public static DeltaOp retain(int count) {
        return new DeltaOp(Kind.RETAIN, count, List.of());
    }

    public static DeltaOp delete(int count) {
        return new DeltaOp(Kind.DELETE, count, List.of());
    }

    public static DeltaOp insert(List<Object> values) {
        return new DeltaOp(Kind.INSERT, values.size(), values);
    }
}
