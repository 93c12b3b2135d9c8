package org.vaultsync.crdt.types;

/**
 * A text put together from pieces, in order. On the JVM a {@code StringBuilder}; after TeaVM that copies every
 * piece into a {@code char[]} (a {@code Uint16Array}) one character at a time and the whole array back into a string
 * at the end: about a sixth of B4's load-and-read in Chromium's profile. The browser build compiles
 * {@code org.vaultsync.browser.substitutes.crdt.types.TextPieces} in its place (see {@code BrowserSubstitutions}):
 * JavaScript's {@code +}, which V8 answers with a rope, as Yjs's {@code str += content.str} gets.
 */
final class TextPieces {
    private final StringBuilder text;

    TextPieces(int length) {
        text = new StringBuilder(length);
    }

    void add(String piece) {
        text.append(piece);
    }

    String text() {
        return text.toString();
    }
}
