package org.vaultsync.common;

/**
 * Text conversions a JavaScript engine does natively and exactly as its specification says: UTF-8 encoding
 * ({@code TextEncoder}), strict UTF-8 decoding (a fatal {@code TextDecoder} that keeps a byte-order mark) and
 * quoting a string for JSON ({@code JSON.stringify}). Plain-Java code has the same conversions in pure Java
 * ({@code Utf8}, {@code JsonWriter}) and uses them on the JVM; the browser client installs the native ones
 * once at start ({@code org.vaultsync.browser.BrowserNativeText.install()}), because in JavaScript they are many
 * times faster and allocate far less. Both must give identical results for every input.
 */
public interface NativeText {
    /**
     * Writes the UTF-8 encoding of {@code s} (lone surrogates as U+FFFD) into {@code out} from {@code offset};
     * {@code out} must have room for three bytes per UTF-16 unit of {@code s}. Returns the offset after the last
     * byte written.
     */
    int encodeUtf8(String s, byte[] out, int offset);

    /** {@code JSON.stringify(s)} of a string: quoted and escaped (lone surrogates as {@code \}{@code uXXXX}). */
    String jsonQuote(String s);

    /** The text of {@code length} UTF-8 bytes from {@code offset}, or null if they are not well-formed UTF-8. */
    String decodeUtf8(byte[] bytes, int offset, int length);

    /** The installed native conversions, or null where there are none (the JVM). */
    static NativeText installed() {
        return Installed.value;
    }

    /** Installs the platform's native conversions; called once at start by a JavaScript entry point. */
    static void install(NativeText text) {
        Installed.value = text;
    }

    /** Holder of the installed instance (interfaces cannot have mutable fields). */
    final class Installed {
        private static NativeText value;

        private Installed() {
        }
    }
}
