package org.vaultsync.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;
import org.vaultsync.common.NativeText;

/**
 * The browser's native {@link NativeText}: {@code JSON.stringify} of strings,
 * {@code TextEncoder.encodeInto} and a fatal
 * {@code TextDecoder} with {@code ignoreBOM} (so a leading byte-order mark is kept, as our pure-Java decoder does).
 * Our byte arrays are {@code Int8Array}s after TeaVM compilation, so encoding writes straight into them.
 */
public final class BrowserNativeText implements NativeText {
    private final JSObject encoder = newEncoder();
    private final JSObject decoder = newDecoder();

    private BrowserNativeText() {
    }

    /** Installs the native conversions for all plain-Java code of this page; harmless to call again. */
    public static void install() {
        if (!(NativeText.installed() instanceof BrowserNativeText)) {
            NativeText.install(new BrowserNativeText());
        }
    }

    @Override
    public int encodeUtf8(String s, byte[] out, int offset) {
        return offset + encodeInto(encoder, s, Int8Array.fromJavaArray(out), offset);
    }

    @Override
    public String decodeUtf8(byte[] bytes, int offset, int length) {
        return decode(decoder, Int8Array.fromJavaArray(bytes), offset, length);
    }

    @Override
    public String jsonQuote(String s) {
        return quote(s);
    }

    @JSBody(params = "s", script = "return JSON.stringify(s);")
    private static native String quote(String s);

    @JSBody(script = "return new TextEncoder();")
    private static native JSObject newEncoder();

    @JSBody(script = "return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });")
    private static native JSObject newDecoder();

    @JSBody(params = {"encoder", "s", "out", "offset"},
            script = "return encoder.encodeInto(s, new Uint8Array(out.buffer, out.byteOffset + offset)).written;")
    private static native int encodeInto(JSObject encoder, String s, Int8Array out, int offset);

    @JSBody(params = {"decoder", "bytes", "offset", "length"},
            script = "try { return decoder.decode(new Uint8Array(bytes.buffer, bytes.byteOffset + offset, length)); }"
                    + " catch (error) { return null; }")
    private static native String decode(JSObject decoder, Int8Array bytes, int offset, int length);
}
