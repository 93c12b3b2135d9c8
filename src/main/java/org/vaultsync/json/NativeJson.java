package org.vaultsync.json;

/**
 * {@code JSON.parse} and {@code JSON.stringify} as the JavaScript engine does them natively. Plain-Java code uses our
 * own reader and writer on the JVM (server, tests); the browser client installs the native ones once at start
 * ({@code org.vaultsync.browser.BrowserNativeJson.install()}): a page that has just started runs our code as cold,
 * interpreted code, one character at a time, and a join reads several signaling frames of ~3 KB (offer, answer, ICE
 * candidates) and writes some (our writer copies every character of an SDP into a {@code StringBuilder}). Both must
 * give identical results for every input; where JavaScript's would differ (see {@link #NOT_EXACT}) the native one
 * says so and {@link Json} uses ours.
 */
public interface NativeJson {
    /**
     * Returned by {@link #parse} when JavaScript's object would not be ours: an object with an array-index key
     * ({@code "0"}, {@code "17"}), which JavaScript lists first and in numeric order where we keep the text's order.
     */
    Object NOT_EXACT = new Object();

    /**
     * The value of {@code text} in {@link Json}'s model, {@link #NOT_EXACT}, or a {@link JsonException} if it is not
     * JSON or nests deeper than {@code maxDepth} arrays and objects.
     */
    Object parse(String text, int maxDepth) throws JsonException;

    /**
     * {@code JSON.stringify(value)} of a value of {@link Json}'s model, or null where ours would differ or refuse: a
     * map with an array-index key (see {@link #NOT_EXACT}) or a non-string key, a type outside the model, nesting
     * deeper than {@link Json#DEFAULT_MAX_DEPTH}. {@link Json#stringify} then writes (or refuses) it itself.
     */
    String stringify(Object value);

    /** The installed native parser, or null where there is none (the JVM). */
    static NativeJson installed() {
        return Installed.value;
    }

    /** Installs the platform's native parser; called once at start by a JavaScript entry point (null: none). */
    static void install(NativeJson json) {
        Installed.value = json;
    }

    /** Holder of the installed instance (interfaces cannot have mutable fields). */
    final class Installed {
        private static NativeJson value;

        private Installed() {
        }
    }
}
