package org.vaultsync.common;

/**
 * Names what kind of value a refused value is, for an error message, instead of printing the value or its class.
 * Printing an arbitrary value ({@code "got " + value}) makes TeaVM keep the {@code toString} of every class that can
 * reach that message (map, list and number formatting among them); naming its class ({@code getClass().getName()})
 * makes TeaVM keep the name of every class that can reach it as a string (about 0.9 KB gzip of the compiled engine,
 * with {@code Class.getName}). The kinds are the ones a JSON or JavaScript reader knows.
 */
public final class TypeNames {
    private TypeNames() {
    }

    /**
     * {@code "null"}, {@code "a number"}, {@code "a boolean"} or {@code "an object of another kind"}: what a refused
     * map key or value is (strings, maps and lists are what the callers accept, so they never need naming).
     */
    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number) {
            return "a number";
        }
        return value instanceof Boolean ? "a boolean" : "an object of another kind";
    }
}
