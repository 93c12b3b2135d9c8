package org.vaultsync.ui;

import io.nayuki.qrcodegen.QrCode;
import org.vaultsync.crdt.encoding.Utf8;

/**
 * A share link as a QR code drawn in SVG. Nayuki's QR Code generator does the QR work (Reed–Solomon error
 * correction, interleaving, module placement, mask choice, format and version information); this class hands it
 * the link as one byte-mode segment and turns its modules into one SVG path with the quiet zone scanners need.
 *
 * <p>Why we frame the segment ourselves instead of calling {@code QrCode.encodeText}: the library's
 * {@code QrSegment} compiles two {@code java.util.regex} patterns in its static initializer, and TeaVM then ships
 * Java's whole regex engine with its Unicode tables, which more than doubled the client (about +100 KB gzip). The
 * framing is the QR standard's byte mode (mode indicator, character count, data, terminator, pad codewords), and
 * {@code QrSvgTest} proves the result module for module against the library's own {@code encodeSegments}.
 */
public final class QrSvg {
    private static final int QUIET_ZONE = 4;
    /** Data codewords at error correction level M for versions 1–10 (ISO/IEC 18004 table 7): links up to 213 bytes. */
    private static final int[] DATA_CODEWORDS_M = {16, 28, 44, 64, 86, 108, 124, 154, 182, 216};

    private QrSvg() {
    }

    /** The QR code of {@code text} at medium error correction (a phone camera reading a screen). */
    public static QrCode encode(String text) {
        // the engine's encoder, not String.getBytes: that one ships java.nio.charset in the client (a lone
        // surrogate, never in a link, becomes U+FFFD here instead of '?')
        byte[] data = Utf8.encode(text);
        for (int version = 1; version <= DATA_CODEWORDS_M.length; version++) {
            int countBits = version <= 9 ? 8 : 16;
            int capacity = DATA_CODEWORDS_M[version - 1];
            if (4 + countBits + 8 * data.length <= capacity * 8) {
                return new QrCode(version, QrCode.Ecc.MEDIUM, codewords(data, countBits, capacity), -1);
            }
        }
        throw new IllegalArgumentException("Too long for a share-link QR code: " + data.length + " bytes");
    }

    /** One byte-mode segment, the terminator, then the alternating pad codewords up to {@code capacity}. */
    private static byte[] codewords(byte[] data, int countBits, int capacity) {
        Bits bits = new Bits(capacity);
        bits.append(0b0100, 4);
        bits.append(data.length, countBits);
        for (byte b : data) {
            bits.append(b & 0xFF, 8);
        }
        bits.append(0, Math.min(4, capacity * 8 - bits.length));
        bits.append(0, (8 - bits.length % 8) % 8);
        for (int pad = 0xEC; bits.length < capacity * 8; pad ^= 0xEC ^ 0x11) {
            bits.append(pad, 8);
        }
        return bits.bytes;
    }

    /** Big-endian bit writer into a fixed byte array. */
    private static final class Bits {
        final byte[] bytes;
        int length;

        Bits(int capacity) {
            bytes = new byte[capacity];
        }

        void append(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                if ((value >>> i & 1) != 0) {
                    bytes[length >>> 3] |= (byte) (0x80 >>> (length & 7));
                }
                length++;
            }
        }
    }

    /** The SVG document for {@code text}: one path, one {@code h1v1h-1z} square per dark module. */
    public static String of(String text) {
        QrCode code = encode(text);
        int size = code.size + 2 * QUIET_ZONE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + QUIET_ZONE).append(' ').append(y + QUIET_ZONE).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " + size + " " + size
                + "' shape-rendering='crispEdges'><rect width='" + size + "' height='" + size
                + "' fill='white'/><path fill='black' d='" + path + "'/></svg>";
    }

    /** The same as a {@code data:} URL for an {@code <img>} (the page's CSP allows data: images). */
    public static String dataUrl(String text) {
        String svg = of(text);
        StringBuilder out = new StringBuilder("data:image/svg+xml,");
        for (int i = 0; i < svg.length(); i++) {
            char c = svg.charAt(i);
            switch (c) {
                case '<':
                    out.append("%3C");
                    break;
                case '>':
                    out.append("%3E");
                    break;
                case '#':
                    out.append("%23");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }
}
