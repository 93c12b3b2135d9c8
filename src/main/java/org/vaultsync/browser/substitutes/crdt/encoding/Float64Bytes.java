package org.vaultsync.browser.substitutes.crdt.encoding;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Browser build of {@code org.vaultsync.crdt.encoding.Float64Bytes} (TeaVM substitutes this class for it, see
 * {@link org.vaultsync.browser.BrowserSubstitutions}): a {@code DataView} writes and reads the big-endian double,
 * with no {@code long} (a BigInt after TeaVM) on the way. Same methods, same results.
 */
final class Float64Bytes {
    /** An 8-byte DataView, reused: one thread */
    private static final JSObject SCRATCH = newScratch();

    private Float64Bytes() {
    }

    static void write(double value, byte[] out, int offset) {
        if (Double.isNaN(value)) { // JavaScript's canonical NaN, whatever bits this NaN has
            out[offset] = 0x7f;
            out[offset + 1] = (byte) 0xf8;
            for (int i = 2; i < 8; i++) {
                out[offset + i] = 0;
            }
            return;
        }
        write(SCRATCH, value, Int8Array.fromJavaArray(out), offset);
    }

    static double read(byte[] in, int offset) {
        return read(SCRATCH, Int8Array.fromJavaArray(in), offset);
    }

    @JSBody(script = "return new DataView(new ArrayBuffer(8));")
    private static native JSObject newScratch();

    @JSBody(params = {"view", "value", "out", "offset"},
            script = "view.setFloat64(0, value);"
                    + " for (let idx = 0; idx < 8; idx++) { out[offset + idx] = view.getInt8(idx); }")
    private static native void write(JSObject view, double value, Int8Array out, int offset);

    @JSBody(params = {"view", "bytes", "offset"},
            script = "for (let idx = 0; idx < 8; idx++) { view.setInt8(idx, bytes[offset + idx]); }"
                    + " return view.getFloat64(0);")
    private static native double read(JSObject view, Int8Array bytes, int offset);
}
