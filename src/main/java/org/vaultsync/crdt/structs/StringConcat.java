package org.vaultsync.crdt.structs;

/**
 * Joins two strings. On the JVM {@code concat}; after TeaVM that copies both through a {@code char[]} (a
 * {@code Uint16Array}), so appending one typed character to a long merged text costs the text's length. The
 * browser build compiles {@code org.vaultsync.browser.substitutes.crdt.structs.StringConcat} in its place (see
 * {@code BrowserSubstitutions}): JavaScript's {@code +}, which V8 answers with a rope in constant time, as Yjs's
 * {@code this.str += right.str} gets.
 */
final class StringConcat {
    private StringConcat() {
    }

    static String concat(String left, String right) {
        return left.concat(right);
    }
}
