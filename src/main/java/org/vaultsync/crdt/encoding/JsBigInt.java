package org.vaultsync.crdt.encoding;

/**
 * A JavaScript BigInt as the {@code any} encoding carries it: 64-bit two's complement. Kept apart from
 * {@link Number} values because JavaScript numbers and BigInts are different types with different tags.
 */
public final class JsBigInt {
    private final long value;

    public JsBigInt(long value) {
        this.value = value;
    }

    public long value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsBigInt b && b.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    @Override
    public String toString() {
        return value + "n";
    }
}
