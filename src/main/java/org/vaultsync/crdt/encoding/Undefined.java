package org.vaultsync.crdt.encoding;

/**
 * JavaScript's {@code undefined}, distinct from {@code null}: Yjs can store it as a map value and the {@code any}
 * encoding gives it its own tag, so it must survive a round trip.
 */
public final class Undefined {
    public static final Undefined VALUE = new Undefined();

    private Undefined() {
    }

    @Override
    public String toString() {
        return "undefined";
    }
}
