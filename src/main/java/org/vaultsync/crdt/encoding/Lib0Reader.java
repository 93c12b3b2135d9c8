package org.vaultsync.crdt.encoding;

/**
 * Reads lib0's binary primitives. Every read checks the remaining input first: a length or count can never make
 * the reader allocate more than the input could fill, and truncated input raises {@link DecodingException}
 * instead of an index error.
 */
public final class Lib0Reader {
    public static final long MAX_SAFE_INTEGER = 9007199254740991L;
    /** Nesting limit of {@code any} values: deep enough for real data, shallow enough to never exhaust the stack. */
    public static final int MAX_ANY_DEPTH = 256;

    /**
     * Reused by {@link #readVarString} for short strings (object keys, mostly): one reader, one thread. 32 chars
     * are 64 bytes, the largest typed array V8 allocates inside its heap; a larger one per reader (one per update
     * applied) costs a separately allocated backing store, slow in Chromium.
     */
    private final char[] scratch = new char[32];
    private final byte[] bytes;
    private final int end;
    private int position;

    public Lib0Reader(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    public Lib0Reader(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length);
        }
        this.bytes = bytes;
        this.position = offset;
        this.end = offset + length;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return end - position;
    }

    public boolean hasContent() {
        return position < end;
    }

    private DecodingException truncated(String what) {
        return malformed("Unexpected end of input while reading " + what);
    }

    private DecodingException beyondEnd(String length) {
        return new DecodingException(length + " at byte " + position + " exceeds the " + remaining() + " bytes left");
    }

    /** {@code problem} at the current position (one message builder for all of them: less compiled code). */
    private DecodingException malformed(String problem) {
        return new DecodingException(problem + " at byte " + position);
    }

    public int readUint8() throws DecodingException {
        if (position >= end) {
            throw truncated("a byte");
        }
        return bytes[position++] & 0xFF;
    }

    /** {@code count} raw bytes (a copy). */
    public byte[] readBytes(int count) throws DecodingException {
        if (count < 0 || count > remaining()) {
            throw beyondEnd("Length " + count);
        }
        byte[] out = new byte[count];
        System.arraycopy(bytes, position, out, 0, count);
        position += count;
        return out;
    }

    /**
     * A varUint up to 2^53 - 1 (larger values cannot come from a JavaScript peer and are rejected), exact in a
     * {@code double} as in JavaScript; a {@code long} would be a BigInt made per call after TeaVM.
     */
    public double readVarUint() throws DecodingException {
        // small values (the usual case) in int arithmetic: long is a slow BigInt after TeaVM compilation
        int small = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = readUint8();
            small |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return small;
            }
        }
        long value = small;
        int shift = 28;
        while (true) {
            int b = readUint8();
            int bits = b & 0x7F;
            if (shift >= 56 && bits != 0) {
                throw malformed("varUint larger than 2^53 - 1");
            }
            if (shift < 56) {
                value |= (long) bits << shift;
            }
            if (value > MAX_SAFE_INTEGER) {
                throw malformed("varUint larger than 2^53 - 1");
            }
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
            if (shift > 63) {
                throw malformed("varUint longer than 10 bytes");
            }
        }
    }

    /** A varUint that must fit in 31 bits: lengths, counts and clocks. */
    public int readVarUintAsInt() throws DecodingException {
        return readBoundedVarUint(false);
    }

    /** A varUint that must fit in 32 unsigned bits, returned in an {@code int} (client IDs). */
    public int readVarUint32() throws DecodingException {
        return readBoundedVarUint(true);
    }

    private int readBoundedVarUint(boolean unsigned32) throws DecodingException {
        String tooLarge = unsigned32 ? "varUint larger than 2^32 - 1" : "varUint larger than 2^31 - 1";
        int result = 0; // low 32 bits; kept in int arithmetic because long is slow after TeaVM compilation
        int shift = 0;
        while (true) {
            int b = readUint8();
            int bits = b & 0x7F;
            if (shift < 28) {
                result |= bits << shift;
            } else if (shift == 28) {
                if (bits > 0x0F) {
                    throw malformed(tooLarge);
                }
                result |= bits << 28;
            } else if (bits != 0) {
                throw malformed(tooLarge);
            }
            if ((b & 0x80) == 0) {
                if (!unsigned32 && result < 0) {
                    throw malformed(tooLarge);
                }
                return result;
            }
            shift += 7;
            if (shift > 63) {
                throw malformed("varUint longer than 10 bytes");
            }
        }
    }

    /** A signed varInt (sign-magnitude). {@code -0} reads as 0; use {@link #readAny} to keep it. */
    public long readVarInt() throws DecodingException {
        int first = readUint8();
        boolean negative = (first & 0x40) != 0;
        long magnitude = readVarIntMagnitude(first);
        return negative ? -magnitude : magnitude;
    }

    private long readVarIntMagnitude(int first) throws DecodingException {
        // up to 27 bits in int arithmetic (long is a slow BigInt after TeaVM compilation)
        int small = first & 0x3F;
        int shift = 6;
        int b = first;
        while ((b & 0x80) != 0 && shift < 27) {
            b = readUint8();
            small |= (b & 0x7F) << shift;
            shift += 7;
        }
        if ((b & 0x80) == 0) {
            return small;
        }
        long magnitude = small;
        while ((b & 0x80) != 0) {
            b = readUint8();
            int bits = b & 0x7F;
            if (shift >= 55 && bits != 0) {
                throw malformed("varInt beyond 2^53 - 1");
            }
            if (shift < 55) {
                magnitude |= (long) bits << shift;
            }
            if (magnitude > MAX_SAFE_INTEGER) {
                throw malformed("varInt beyond 2^53 - 1");
            }
            shift += 7;
            if (shift > 62 && (b & 0x80) != 0) {
                throw malformed("varInt longer than 9 bytes");
            }
        }
        return magnitude;
    }

    public String readVarString() throws DecodingException {
        int byteLength = readVarUintAsInt();
        if (byteLength > remaining()) {
            throw beyondEnd("String length " + byteLength);
        }
        String s = Utf8.decode(bytes, position, byteLength, scratch);
        position += byteLength;
        return s;
    }

    /**
     * {@link #readVarString} for object keys, short values and root names, which repeat: a short text read
     * recently comes back as the same string ({@link SharedStrings}).
     */
    public String readSharedString() throws DecodingException {
        int at = position;
        int byteLength = readVarUintAsInt();
        if (byteLength == 0 || byteLength > SharedStrings.MAX_BYTES || byteLength > remaining()) {
            position = at;
            return readVarString();
        }
        String text = SharedStrings.decode(bytes, position, byteLength, scratch);
        position += byteLength;
        return text;
    }

    public byte[] readVarBytes() throws DecodingException {
        return readBytes(readVarUintAsInt());
    }

    public float readFloat32() throws DecodingException {
        if (remaining() < 4) {
            throw truncated("a float32");
        }
        int bits = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        position += 4;
        return Float.intBitsToFloat(bits);
    }

    public double readFloat64() throws DecodingException {
        if (remaining() < 8) {
            throw truncated("a float64");
        }
        double value = Float64Bytes.read(bytes, position);
        position += 8;
        return value;
    }

    public long readBigInt64() throws DecodingException {
        return readInt64("a bigint64");
    }

    private long readInt64(String what) throws DecodingException {
        if (remaining() < 8) {
            throw truncated(what);
        }
        int high = ((bytes[position] & 0xFF) << 24) | ((bytes[position + 1] & 0xFF) << 16)
                | ((bytes[position + 2] & 0xFF) << 8) | (bytes[position + 3] & 0xFF);
        int low = ((bytes[position + 4] & 0xFF) << 24) | ((bytes[position + 5] & 0xFF) << 16)
                | ((bytes[position + 6] & 0xFF) << 8) | (bytes[position + 7] & 0xFF);
        position += 8;
        return ((long) high << 32) | (low & 0xFFFFFFFFL);
    }

    /**
     * lib0's {@code readAny}. Numbers come back as {@link Double} (so {@code -0} survives), BigInts as
     * {@link JsBigInt}, undefined as {@link Undefined#VALUE}, Uint8Arrays as {@code byte[]}, arrays as
     * immutable {@link PlainArray}s, objects as immutable {@link PlainObject}s with JavaScript's semantics: a repeated key keeps
     * its first position and its last value, and a {@code __proto__} key disappears.
     */
    public Object readAny() throws DecodingException {
        return readAny(0);
    }

    private Object readAny(int depth) throws DecodingException {
        if (depth > MAX_ANY_DEPTH) {
            throw malformed("Value nested deeper than " + MAX_ANY_DEPTH + " levels");
        }
        int tagPosition = position;
        int tag = readUint8();
        switch (tag) {
            case 127:
                return Undefined.VALUE;
            case 126:
                return null;
            case 125: {
                int first = readUint8();
                boolean negative = (first & 0x40) != 0;
                double magnitude = (first & 0x80) == 0 ? first & 0x3F : readVarIntMagnitude(first);
                return negative ? Double.valueOf(-magnitude) : SmallNumbers.of(magnitude);
            }
            case 124:
                return (double) readFloat32();
            case 123:
                return readFloat64();
            case 122:
                return new JsBigInt(readBigInt64());
            case 121:
                return Boolean.FALSE;
            case 120:
                return Boolean.TRUE;
            case 119:
                return readSharedString();
            case 118: {
                int count = readCount(2); // each entry needs a key length byte and a value tag
                PlainObject.Builder object = new PlainObject.Builder(count);
                for (int i = 0; i < count; i++) {
                    String key = readSharedString();
                    Object value = readAny(depth + 1);
                    if (!"__proto__".equals(key)) {
                        object.put(key, value, PlainArray.heightOf(value));
                    }
                }
                return object.build();
            }
            case 117: {
                int count = readCount(1);
                Object[] array = new Object[count];
                int height = 0;
                for (int i = 0; i < count; i++) {
                    array[i] = readAny(depth + 1);
                    height = Math.max(height, PlainArray.heightOf(array[i]));
                }
                return new PlainArray(array, height + 1);
            }
            case 116:
                return readVarBytes();
            default:
                throw new DecodingException("Unknown value tag " + tag + " at byte " + tagPosition);
        }
    }

    /** A count of elements that each take at least {@code minBytesEach} bytes: rejected if the input is too short. */
    public int readCount(int minBytesEach) throws DecodingException {
        int at = position;
        int count = readVarUintAsInt();
        if ((long) count * minBytesEach > remaining()) {
            throw new DecodingException("Count " + count + " at byte " + at + " exceeds what the remaining "
                    + remaining() + " bytes can hold");
        }
        return count;
    }
}
