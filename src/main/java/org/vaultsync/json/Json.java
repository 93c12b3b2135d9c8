package org.vaultsync.json;


/**
 * JSON as JavaScript's {@code JSON.parse} and {@code JSON.stringify} read and write it, in plain Java so the same
 * code runs on the JVM (server, tests) and in the browser. Values are modelled as:
 * {@code null}, {@link Boolean}, {@link Double} (every parsed number; any {@link Number} may be written),
 * {@link String}, {@link List} and {@link Map} with string keys (insertion-ordered {@code LinkedHashMap} when parsed).
 * Writing is byte-compatible with {@code JSON.stringify}, including number formatting and escapes, because Yjs
 * stores some contents as JSON text and peers compare those bytes.
 */
public final class Json {
    /** Deep enough for any document we write; shallow enough that hostile nesting cannot exhaust the stack. */
    public static final int DEFAULT_MAX_DEPTH = 256;

    private Json() {
    }

    public static Object parse(String text) throws JsonException {
        return parse(text, DEFAULT_MAX_DEPTH);
    }

    /** As {@link #parse(String)}, refusing arrays and objects nested deeper than {@code maxDepth}. */
    public static Object parse(String text, int maxDepth) throws JsonException {
        NativeJson nativeJson = NativeJson.installed();
        if (nativeJson != null && text != null) {
            Object parsed = nativeJson.parse(text, maxDepth); // the browser's own JSON.parse: see NativeJson
            if (parsed != NativeJson.NOT_EXACT) {
                return parsed;
            }
        }
        return new JsonParser(text, maxDepth).parseDocument();
    }

    public static String stringify(Object value) throws JsonException {
        NativeJson nativeJson = NativeJson.installed();
        if (nativeJson != null) {
            String text = nativeJson.stringify(value); // the browser's own JSON.stringify: see NativeJson
            if (text != null) {
                return text;
            }
        }
        StringBuilder out = new StringBuilder();
        JsonWriter.write(value, out, 0);
        return out.toString();
    }

    /** The text of a number as JavaScript's {@code Number.prototype.toString()} gives it. */
    public static String formatNumber(double value) {
        return JsNumberFormat.format(value);
    }
}
