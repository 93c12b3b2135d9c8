package org.vaultsync.common;

/**
 * Standard base64 (RFC 4648 §4, "+/" and "=" padding), as y-webrtc writes an encrypted room's {@code publish.data}
 * (lib0's {@code toBase64}: {@code btoa}). Decoding reads what {@code java.util.Base64.getDecoder()} reads: padding
 * optional, nothing outside the alphabet, no line breaks; anything else is an {@link IllegalArgumentException}.
 *
 * <p>Why not {@code java.util.Base64}: TeaVM's version of it (URL and MIME variants, four tables built at start) is
 * about 1 KB gzip of the client, and it does not reject what the JVM rejects, so the browser and the JVM read
 * malformed frames differently. This one is the same on both.
 */
public final class Base64Text {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Base64Text() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length + 2) / 3 * 4);
        for (int i = 0; i < bytes.length; i += 3) {
            int left = bytes.length - i;
            int chunk = (bytes[i] & 0xff) << 16 | (left > 1 ? (bytes[i + 1] & 0xff) << 8 : 0)
                    | (left > 2 ? bytes[i + 2] & 0xff : 0);
            out.append(ALPHABET.charAt(chunk >>> 18)).append(ALPHABET.charAt(chunk >>> 12 & 63))
                    .append(left > 1 ? ALPHABET.charAt(chunk >>> 6 & 63) : '=')
                    .append(left > 2 ? ALPHABET.charAt(chunk & 63) : '=');
        }
        return out.toString();
    }

    public static byte[] decode(String text) {
        int end = text.length();
        if (end % 4 == 0 && end > 0 && text.charAt(end - 1) == '=') {
            end -= text.charAt(end - 2) == '=' ? 2 : 1;
        }
        if (end % 4 == 1) {
            throw new IllegalArgumentException("base64 text cannot end with a single character");
        }
        byte[] out = new byte[end / 4 * 3 + Math.max(0, end % 4 - 1)];
        int bits = 0;
        int count = 0;
        int at = 0;
        for (int i = 0; i < end; i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a base64 character at " + i);
            }
            bits = bits << 6 | value;
            count += 6;
            if (count >= 8) {
                count -= 8;
                out[at++] = (byte) (bits >>> count);
            }
        }
        return out;
    }
}
