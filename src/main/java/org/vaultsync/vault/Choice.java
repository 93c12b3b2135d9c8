package org.vaultsync.vault;

/** One value of a closed set (unit type, pilot status, …): how it is stored and how it is shown. */
public interface Choice {
    /** The stored and shared spelling (stable; never change it once released). */
    String wire();

    /** What the user sees. */
    String label();

    /** The value of {@code values} stored as {@code wire}, or null. */
    static <E extends Choice> E byWire(E[] values, String wire) {
        for (E value : values) {
            if (value.wire().equals(wire)) {
                return value;
            }
        }
        return null;
    }

    /** "a, b, c": the labels, for messages that list what is allowed. */
    static String labels(Choice[] values) {
        StringBuilder out = new StringBuilder();
        for (Choice value : values) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(value.label());
        }
        return out.toString();
    }
}
