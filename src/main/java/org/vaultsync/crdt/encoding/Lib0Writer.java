package org.vaultsync.crdt.encoding;

import java.util.List;
import java.util.Map;
import org.vaultsync.common.NativeText;
import org.vaultsync.common.TypeNames;

/**
 * Writes lib0's binary primitives (the building blocks of every Yjs update, state vector and y-protocols
 * message) into a growing buffer. Variable-length integers are little-endian base-128; fixed-width floats and
 * BigInts are big-endian, as in lib0.
 */
public final class Lib0Writer {
    /** Integers with a magnitude up to this are written by {@link #writeAny} as varInt, as JavaScript does. */
    private static final double MAX_ANY_INTEGER = 2147483647.0;

    /**
     * The chunk being written. A full chunk is set aside and a larger one started (lib0 does the same), so the
     * bytes are copied once, by {@link #toByteArray}, instead of once per doubling: after TeaVM a byte[] is a typed
     * array, and growing and copying them was a large share of encoding a big state.
     */
    private byte[] buffer;
    /** bytes used in {@link #buffer} */
    private int length;
    private byte[][] fullChunks;
    private int[] fullLengths;
    private int fullCount;
    /** bytes in the full chunks */
    private int fullBytes;

    public Lib0Writer() {
        // 64 bytes: most updates and messages of one edit fit, and V8 allocates typed arrays this small inside its
        // heap (larger ones get a separately allocated backing store, several times slower to make)
        this(64);
    }

    public Lib0Writer(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    /**
     * Empties the writer for reuse, keeping its current chunk (up to {@code keepBytes} bytes): a writer reused per
     * document keeps a buffer that fits its usual update, where a new one started at 64 bytes and grew (an update
     * of a 1 KB value took three typed arrays, and after TeaVM arrays over 64 bytes are slow to allocate in V8).
     */
    public void reset(int keepBytes) {
        if (buffer.length > keepBytes) {
            buffer = new byte[64];
        }
        length = 0;
        fullChunks = null;
        fullLengths = null;
        fullCount = 0;
        fullBytes = 0;
    }

    public int length() {
        return fullBytes + length;
    }

    public byte[] toByteArray() {
        byte[] out = new byte[fullBytes + length];
        int at = 0;
        for (int i = 0; i < fullCount; i++) {
            System.arraycopy(fullChunks[i], 0, out, at, fullLengths[i]);
            at += fullLengths[i];
        }
        System.arraycopy(buffer, 0, out, at, length);
        return out;
    }

    /** Makes room for {@code extra} contiguous bytes in the current chunk. */
    private void ensure(int extra) {
        if (length + extra > buffer.length) {
            // four times the last chunk: an update of ~1 KB takes chunks of 64, 256 and 1,024 bytes (allocating
            // typed arrays costs more than the unused room), a state of megabytes a dozen chunks
            int capacity = Math.max(buffer.length * 4, extra);
            if (length == 0) {
                buffer = new byte[capacity];
                return;
            }
            if (fullChunks == null) {
                fullChunks = new byte[8][];
                fullLengths = new int[8];
            } else if (fullCount == fullChunks.length) {
                byte[][] chunks = new byte[fullCount * 2][];
                int[] lengths = new int[fullCount * 2];
                System.arraycopy(fullChunks, 0, chunks, 0, fullCount);
                System.arraycopy(fullLengths, 0, lengths, 0, fullCount);
                fullChunks = chunks;
                fullLengths = lengths;
            }
            fullChunks[fullCount] = buffer;
            fullLengths[fullCount++] = length;
            fullBytes += length;
            buffer = new byte[capacity];
            length = 0;
        }
    }

    public void writeUint8(int value) {
        ensure(1);
        buffer[length++] = (byte) value;
    }

    /** Raw bytes without a length prefix. */
    public void writeBytes(byte[] bytes) {
        writeBytes(bytes, 0, bytes.length);
    }

    public void writeBytes(byte[] bytes, int offset, int count) {
        ensure(count);
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    /**
     * Writes {@code value} as an unsigned 32-bit varUint: negative ints stand for 2^31 ... 2^32 - 1, which is how
     * client IDs are held in an {@code int}. Clocks and lengths are never negative.
     */
    public void writeVarUint(int value) {
        ensure(5);
        int v = value;
        while ((v & ~0x7F) != 0) {
            buffer[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[length++] = (byte) v;
    }

    /** Writes a varUint in the range JavaScript can hold exactly, 0 ... 2^53 - 1. */
    public void writeVarUint53(long value) {
        if (value < 0 || value > Lib0Reader.MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("varUint out of range: " + value);
        }
        ensure(8);
        long v = value;
        while (v > 0x7F) {
            buffer[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[length++] = (byte) v;
    }

    /** Signed varInt (sign-magnitude: the first byte holds the sign bit and six magnitude bits). */
    public void writeVarInt(long value) {
        if (value < -Lib0Reader.MAX_SAFE_INTEGER || value > Lib0Reader.MAX_SAFE_INTEGER) {
            throw new IllegalArgumentException("varInt out of range: " + value);
        }
        writeSignMagnitude(value < 0, Math.abs(value));
    }

    /** int version of {@link #writeSignMagnitude(boolean, long)}: {@code long} is a slow BigInt after TeaVM. */
    private void writeSignMagnitude(boolean negative, int magnitude) {
        ensure(5);
        int m = magnitude;
        buffer[length++] = (byte) ((m > 0x3F ? 0x80 : 0) | (negative ? 0x40 : 0) | (m & 0x3F));
        m >>>= 6;
        while (m > 0) {
            buffer[length++] = (byte) ((m > 0x7F ? 0x80 : 0) | (m & 0x7F));
            m >>>= 7;
        }
    }

    private void writeSignMagnitude(boolean negative, long magnitude) {
        ensure(9);
        long m = magnitude;
        buffer[length++] = (byte) ((m > 0x3F ? 0x80 : 0) | (negative ? 0x40 : 0) | (m & 0x3F));
        m >>>= 6;
        while (m > 0) {
            buffer[length++] = (byte) ((m > 0x7F ? 0x80 : 0) | (m & 0x7F));
            m >>>= 7;
        }
    }

    /** {@code varUint(utf8 byte length)} followed by the UTF-8 bytes (lone surrogates become U+FFFD). */
    public void writeVarString(String s) {
        int n = s.length();
        NativeText nativeText = NativeText.installed();
        if (nativeText != null && n > Utf8.NATIVE_MIN_LENGTH) {
            // Encode straight into the buffer after room for the longest possible length prefix, then move the
            // bytes back if the real prefix is shorter (rare: only when the string has many non-ASCII chars).
            int maxBytes = 3 * n;
            int prefix = varUintSize(maxBytes);
            ensure(prefix + maxBytes);
            int start = length + prefix;
            int written = nativeText.encodeUtf8(s, buffer, start) - start;
            int actualPrefix = varUintSize(written);
            if (actualPrefix != prefix) {
                System.arraycopy(buffer, start, buffer, length + actualPrefix, written);
            }
            putVarUint(written);
            length += written;
            return;
        }
        ensure(5 + n);
        int prefix = varUintSize(n);
        int end = Utf8.encodeAscii(s, buffer, length + prefix);
        if (end >= 0) { // ASCII only (the usual case): one pass, no length count first
            putVarUint(n);
            length = end;
            return;
        }
        int byteLength = Utf8.encodedLength(s);
        writeVarUint(byteLength);
        ensure(byteLength);
        length = Utf8.encodeInto(s, buffer, length);
    }

    private static int varUintSize(int value) {
        return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
    }

    /** {@link #writeVarUint} for a non-negative value into room already ensured. */
    private void putVarUint(int value) {
        int v = value;
        while (v > 0x7F) {
            buffer[length++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[length++] = (byte) v;
    }

    /** {@code varUint(length)} followed by the bytes (lib0's {@code writeVarUint8Array}). */
    public void writeVarBytes(byte[] bytes) {
        writeVarUint(bytes.length);
        writeBytes(bytes);
    }

    public void writeFloat32(float value) {
        int bits = Float.floatToIntBits(value);
        ensure(4);
        buffer[length++] = (byte) (bits >>> 24);
        buffer[length++] = (byte) (bits >>> 16);
        buffer[length++] = (byte) (bits >>> 8);
        buffer[length++] = (byte) bits;
    }

    /** Big-endian IEEE double; every NaN is written as JavaScript's canonical {@code 7ff8000000000000}. */
    public void writeFloat64(double value) {
        ensure(8);
        Float64Bytes.write(value, buffer, length);
        length += 8;
    }

    public void writeBigInt64(long value) {
        writeInt64(value);
    }

    private void writeInt64(long bits) {
        ensure(8);
        int high = (int) (bits >>> 32);
        int low = (int) bits;
        buffer[length++] = (byte) (high >>> 24);
        buffer[length++] = (byte) (high >>> 16);
        buffer[length++] = (byte) (high >>> 8);
        buffer[length++] = (byte) high;
        buffer[length++] = (byte) (low >>> 24);
        buffer[length++] = (byte) (low >>> 16);
        buffer[length++] = (byte) (low >>> 8);
        buffer[length++] = (byte) low;
    }

    /**
     * lib0's {@code writeAny}. Accepted values: {@code null}, {@link Undefined}, {@link Boolean}, any
     * {@link Number} (treated as a JavaScript number), {@link JsBigInt}, {@link String}, {@code byte[]}
     * (Uint8Array), {@link List} (array) and {@link Map} with string keys (object, keys in JS order).
     *
     * @throws IllegalArgumentException for any other value: it has no JavaScript counterpart
     */
    public void writeAny(Object value) {
        // Most frequent kinds first; the class tests are cheap after TeaVM, the interface tests (List, Map) are not.
        if (value == null) {
            writeUint8(126);
        } else if (value instanceof String s) {
            writeUint8(119);
            writeVarString(s);
        } else if (value instanceof Double d) {
            writeAnyNumber(d.doubleValue());
        } else if (value instanceof PlainObject object) {
            int n = object.size();
            writeUint8(118);
            writeVarUint(n);
            for (int i = 0; i < n; i++) { // keys already in JavaScript order
                writeVarString(object.key(i));
                writeAny(object.value(i));
            }
        } else if (value instanceof PlainArray array) {
            int n = array.size();
            writeUint8(117);
            writeVarUint(n);
            for (int i = 0; i < n; i++) {
                writeAny(array.get(i));
            }
        } else if (value instanceof Boolean b) {
            writeUint8(b ? 120 : 121);
        } else if (value instanceof Undefined) {
            writeUint8(127);
        } else if (value instanceof Integer i) {
            writeAnyNumber(i.intValue());
        } else if (value instanceof Number n) {
            writeAnyNumber(n.doubleValue());
        } else if (value instanceof JsBigInt big) {
            writeUint8(122);
            writeBigInt64(big.value());
        } else if (value instanceof byte[] bytes) {
            writeUint8(116);
            writeVarBytes(bytes);
        } else if (value instanceof List<?> list) {
            writeUint8(117);
            writeVarUint(list.size());
            for (Object element : list) {
                writeAny(element);
            }
        } else if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) map;
            List<String> keys = JsPropertyOrder.keys(object);
            writeUint8(118);
            writeVarUint(keys.size());
            for (String key : keys) {
                writeVarString(key);
                writeAny(object.get(key));
            }
        } else {
            throw new IllegalArgumentException("No JavaScript value corresponds to " + TypeNames.of(value));
        }
    }

    private void writeAnyNumber(int value) {
        if (value == Integer.MIN_VALUE) {
            writeAnyNumber((double) value); // -2^31 is outside lib0's integer range
            return;
        }
        writeUint8(125);
        writeSignMagnitude(value < 0, Math.abs(value));
    }

    /**
     * Whether {@code value} survives a round trip through float32 ({@code Math.fround(x) === x} in JavaScript).
     * Not written as {@code (double) (float) x == x}: TeaVM compiles that float cast to nothing.
     */
    static boolean isExactFloat32(double value) {
        // the float32 round trip through the raw bits: after TeaVM those are a Float32Array store and load (which
        // round to float32), where Math.getExponent/scalb would go through BigInt longs
        return !Double.isNaN(value) && Float.intBitsToFloat(Float.floatToRawIntBits((float) value)) == value;
    }

    /**
     * The number rule of lib0: an integer with |n| <= 2^31 - 1 (including -0) as varInt, else float32 when that is
     * exact, else float64 (NaN always float64).
     */
    private void writeAnyNumber(double value) {
        if (Math.abs(value) <= MAX_ANY_INTEGER && value == Math.floor(value)) { // not Math.rint: TeaVM routes it through long
            writeUint8(125);
            boolean negative = value < 0 || (value == 0 && 1 / value < 0);
            writeSignMagnitude(negative, (int) Math.abs(value));
        } else if (isExactFloat32(value)) {
            writeUint8(124);
            writeFloat32((float) value);
        } else {
            writeUint8(123);
            writeFloat64(value);
        }
    }
}
