package org.vaultsync.crdt.encoding;

/**
 * Big-endian IEEE 754 doubles in byte arrays, as lib0 writes them. This plain-Java version goes through
 * {@code Double.doubleToRawLongBits}, which is exact and cheap on the JVM; after TeaVM a {@code long} is a BigInt,
 * and the conversion took several BigInt allocations per number, so the browser build compiles
 * {@code org.vaultsync.browser.substitutes.crdt.encoding.Float64Bytes} in its place (a {@code DataView}; see
 * {@code BrowserSubstitutions}). Both give the same bytes and values for every input.
 */
final class Float64Bytes {
    private Float64Bytes() {
    }

    /** Writes {@code value} into {@code out[offset ... offset + 7]}; every NaN as JavaScript's {@code 7ff8000000000000}. */
    static void write(double value, byte[] out, int offset) {
        long bits = Double.isNaN(value) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(value);
        int high = (int) (bits >>> 32);
        int low = (int) bits;
        out[offset] = (byte) (high >>> 24);
        out[offset + 1] = (byte) (high >>> 16);
        out[offset + 2] = (byte) (high >>> 8);
        out[offset + 3] = (byte) high;
        out[offset + 4] = (byte) (low >>> 24);
        out[offset + 5] = (byte) (low >>> 16);
        out[offset + 6] = (byte) (low >>> 8);
        out[offset + 7] = (byte) low;
    }

    /** The double in {@code in[offset ... offset + 7]}. */
    static double read(byte[] in, int offset) {
        int high = ((in[offset] & 0xFF) << 24) | ((in[offset + 1] & 0xFF) << 16)
                | ((in[offset + 2] & 0xFF) << 8) | (in[offset + 3] & 0xFF);
        int low = ((in[offset + 4] & 0xFF) << 24) | ((in[offset + 5] & 0xFF) << 16)
                | ((in[offset + 6] & 0xFF) << 8) | (in[offset + 7] & 0xFF);
        return Double.longBitsToDouble(((long) high << 32) | (low & 0xFFFFFFFFL));
    }
}
