package org.vaultsync.crdt.encoding;

import org.vaultsync.common.NativeText;

/**
 * UTF-8 exactly as the WHATWG {@code TextEncoder} and a fatal {@code TextDecoder} treat it, because Java's
 * built-in codec differs in both directions: a lone surrogate must encode as U+FFFD ({@code ef bf bd}), not
 * {@code ?}, and malformed input (overlong forms, encoded surrogates, code points above U+10FFFF, truncated or
 * stray bytes) must be rejected instead of silently replaced. A leading byte-order mark is kept.
 */
public final class Utf8 {
    /**
     * Strings longer than this (in UTF-16 units or bytes) go to the installed {@link NativeText}, if any: below it,
     * the call into the native encoder or decoder costs more than the loop here.
     */
    static final int NATIVE_MIN_LENGTH = 16;

    private Utf8() {
    }

    /**
     * Writes {@code s} at {@code offset} if it is all ASCII (one byte per char) and returns the offset after it;
     * returns -1, having written garbage that the caller overwrites, at the first non-ASCII char.
     */
    static int encodeAscii(String s, byte[] out, int offset) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            int c = s.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            out[offset + i] = (byte) c;
        }
        return offset + n;
    }

    /** Number of bytes {@link #encode} produces, without producing them. */
    public static int encodedLength(String s) {
        int bytes = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3; // includes a lone surrogate, written as U+FFFD
            }
        }
        return bytes;
    }

    public static byte[] encode(String s) {
        byte[] out = new byte[encodedLength(s)];
        encodeInto(s, out, 0);
        return out;
    }

    /** Writes the encoding of {@code s} at {@code offset}; returns the offset after the last byte written. */
    public static int encodeInto(String s, byte[] out, int offset) {
        int p = offset;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                if (c <= 0xDBFF && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint((char) c, s.charAt(++i));
                    out[p++] = (byte) (0xF0 | (cp >> 18));
                    out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[p++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    out[p++] = (byte) 0xEF;
                    out[p++] = (byte) 0xBF;
                    out[p++] = (byte) 0xBD;
                }
            } else {
                out[p++] = (byte) (0xE0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
    }

    public static String decode(byte[] bytes) throws DecodingException {
        return decode(bytes, 0, bytes.length);
    }

    public static String decode(byte[] bytes, int offset, int length) throws DecodingException {
        return decode(bytes, offset, length, null);
    }

    /**
     * {@link #decode(byte[], int, int)} that may use {@code scratch} (if it is long enough) instead of allocating a
     * char array per call: a reader decodes many short strings, and after TeaVM each char array is a typed array.
     */
    static String decode(byte[] bytes, int offset, int length, char[] scratch) throws DecodingException {
        NativeText nativeText = NativeText.installed();
        if (nativeText != null && length > NATIVE_MIN_LENGTH) {
            String text = nativeText.decodeUtf8(bytes, offset, length);
            if (text != null) {
                return text;
            } // malformed: the loop below finds where, for the error message
        }
        // UTF-16 never needs more units than UTF-8 has bytes
        char[] chars = scratch != null && scratch.length >= length ? scratch : new char[length];
        int count = 0;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b0 = bytes[i] & 0xFF;
            if (b0 < 0x80) {
                chars[count++] = (char) b0;
                i++;
                continue;
            }
            int needed;
            int cp;
            int lower = 0x80;
            int upper = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                needed = 1;
                cp = b0 & 0x1F;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                needed = 2;
                cp = b0 & 0x0F;
                if (b0 == 0xE0) {
                    lower = 0xA0; // rejects overlong three-byte forms
                } else if (b0 == 0xED) {
                    upper = 0x9F; // rejects encoded surrogates
                }
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                needed = 3;
                cp = b0 & 0x07;
                if (b0 == 0xF0) {
                    lower = 0x90; // rejects overlong four-byte forms
                } else if (b0 == 0xF4) {
                    upper = 0x8F; // rejects code points above U+10FFFF
                }
            } else {
                throw malformed(bytes, i, offset);
            }
            if (i + needed >= end) {
                throw new DecodingException("Truncated UTF-8 sequence at byte " + (i - offset));
            }
            for (int k = 1; k <= needed; k++) {
                int b = bytes[i + k] & 0xFF;
                if (b < lower || b > upper) {
                    throw malformed(bytes, i + k, offset);
                }
                lower = 0x80;
                upper = 0xBF;
                cp = (cp << 6) | (b & 0x3F);
            }
            i += needed + 1;
            if (cp >= 0x10000) {
                chars[count++] = Character.highSurrogate(cp);
                chars[count++] = Character.lowSurrogate(cp);
            } else {
                chars[count++] = (char) cp;
            }
        }
        return new String(chars, 0, count);
    }

    private static DecodingException malformed(byte[] bytes, int at, int offset) {
        return new DecodingException("Malformed UTF-8: unexpected byte 0x" + Integer.toHexString(bytes[at] & 0xFF)
                + " at byte " + (at - offset));
    }
}
