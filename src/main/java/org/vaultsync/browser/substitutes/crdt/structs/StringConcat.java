package org.vaultsync.browser.substitutes.crdt.structs;

import org.teavm.jso.JSBody;

/**
 * Browser build of {@code org.vaultsync.crdt.structs.StringConcat} (see
 * {@link org.vaultsync.browser.BrowserSubstitutions}): the engine's own string concatenation. Same result.
 */
final class StringConcat {
    private StringConcat() {
    }

    @JSBody(params = {"left", "right"}, script = "return left + right;")
    static native String concat(String left, String right);
}
