package org.vaultsync.browser.substitutes.crdt.types;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;

/**
 * Browser build of {@code org.vaultsync.crdt.types.TextPieces} (see
 * {@link org.vaultsync.browser.BrowserSubstitutions}): the pieces joined by JavaScript's {@code +} into one native
 * string, wrapped as a Java string once at the end. Same result.
 */
final class TextPieces {
    private JSObject text = empty();

    TextPieces(int length) {
    }

    void add(String piece) {
        text = join(text, piece);
    }

    String text() {
        return asString(text);
    }

    @JSBody(script = "return '';")
    private static native JSObject empty();

    @JSBody(params = {"text", "piece"}, script = "return text + piece;")
    private static native JSObject join(JSObject text, String piece);

    @JSBody(params = "text", script = "return text;")
    private static native String asString(JSObject text);
}
