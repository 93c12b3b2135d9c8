package org.vaultsync.crdt.id;

/**
 * One unit of content: the client that created it and that client's clock at creation. Client IDs are unsigned
 * 32-bit values held in an {@code int}; compare them with {@link Integer#compareUnsigned}.
 */
public final class Id {
    public final int client;
    public final int clock;

    public Id(int client, int clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Equality that also accepts two nulls, as Yjs's {@code compareIDs} does. */
    public static boolean same(Id a, Id b) {
        return a == b || (a != null && b != null && a.client == b.client && a.clock == b.clock);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Id id && id.client == client && id.clock == clock;
    }

    @Override
    public int hashCode() {
        return client * 31 + clock;
    }

    @Override
    public String toString() {
        return "(" + Integer.toUnsignedString(client) + "," + clock + ")";
    }
}
