package org.vaultsync.common;

/**
 * Names the type of a value for an error message, instead of printing the value. Printing an arbitrary value
 * ({@code "got " + value}) makes TeaVM keep the {@code toString} of every class that can reach that message (map,
 * list and number formatting among them) in the compiled client, for a message nobody reads in production.
 */
public final class TypeNames {
    private TypeNames() {
    }

    /** {@code "null"}, or the class name of {@code value}. */
    public static String of(Object value) {
        return value == null ? "null" : value.getClass().getName();
    }
}
