package org.vaultsync.ui;

/**
 * The modules of a QR code (ISO/IEC 18004) for what a share link needs and nothing more: error correction level M,
 * versions 1 to 10, data codewords framed by the caller ({@link QrSvg}). It is the standard's construction: finder,
 * timing and alignment patterns, Reed–Solomon error correction per block with the blocks interleaved, the zigzag
 * placement, then of the eight masks the one with the lowest penalty (rules N1–N4, ties to the lower mask), and the
 * format and version information.
 *
 * <p>Why not Nayuki's {@code QrCode}, which drew our codes before: it serves every version and level, and was about
 * 3 KB of the client's gzip, this about a third of that. {@code QrSvgTest} checks it module for module, and the mask
 * chosen, against that library's output for every link length the share screen can show.
 */
public final class QrMatrix {
    /** Error correction blocks at level M, versions 1–10. */
    private static final int[] BLOCKS_M = {1, 1, 1, 2, 2, 4, 4, 4, 5, 5};
    /** Data codewords at level M, versions 1–10: links up to 213 bytes. */
    static final int[] DATA_CODEWORDS_M = {16, 28, 44, 64, 86, 108, 124, 154, 182, 216};
    private static final int DARK = 1;
    /** Finder, timing, alignment, format and version modules: placement and masks leave them alone. */
    private static final int FUNCTION = 2;

    public final int version;
    /** Modules per side. */
    public final int size;
    /** The mask pattern chosen (0–7). */
    public final int mask;
    /** One entry per module, row by row: {@link #DARK} and {@link #FUNCTION} bits. */
    private final byte[] modules;

    /** The code of version {@code version} holding {@code data}, exactly {@link #DATA_CODEWORDS_M} codewords. */
    QrMatrix(int version, byte[] data) {
        this.version = version;
        size = version * 4 + 17;
        modules = new byte[size * size];
        drawFunctionPatterns();
        place(codewords(data));
        int best = 0;
        int lowest = Integer.MAX_VALUE;
        for (int candidate = 0; candidate < 8; candidate++) {
            applyMask(candidate);
            drawFormat(candidate);
            int penalty = penalty();
            if (penalty < lowest) {
                lowest = penalty;
                best = candidate;
            }
            applyMask(candidate); // masks are XOR: this undoes it
        }
        mask = best;
        applyMask(best);
        drawFormat(best);
    }

    /** Whether the module in column {@code x}, row {@code y} is dark. */
    public boolean dark(int x, int y) {
        return (modules[y * size + x] & DARK) != 0;
    }

    private void set(int x, int y, boolean dark) {
        modules[y * size + x] = (byte) (FUNCTION | (dark ? DARK : 0));
    }

    private boolean isFunction(int x, int y) {
        return (modules[y * size + x] & FUNCTION) != 0;
    }

    private void drawFunctionPatterns() {
        for (int i = 0; i < size; i++) {
            set(6, i, i % 2 == 0);
            set(i, 6, i % 2 == 0);
        }
        drawSquare(3, 3, 4);
        drawSquare(size - 4, 3, 4);
        drawSquare(3, size - 4, 4);
        if (version > 1) {
            // alignment centres: 6, then evenly spaced (an even step) up to size - 7
            int count = version / 7 + 2;
            int step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < count; j++) {
                    boolean finderCorner = i == 0 && (j == 0 || j == count - 1) || j == 0 && i == count - 1;
                    if (!finderCorner) {
                        drawSquare(centre(i, count, step), centre(j, count, step), 2);
                    }
                }
            }
        }
        drawFormat(0); // reserves the format modules; the chosen mask's bits overwrite them
        if (version >= 7) {
            int bits = bch(version, 12, 0x1F25);
            for (int i = 0; i < 18; i++) {
                boolean dark = (bits >>> i & 1) != 0;
                set(size - 11 + i % 3, i / 3, dark);
                set(i / 3, size - 11 + i % 3, dark);
            }
        }
    }

    private int centre(int index, int count, int step) {
        return index == 0 ? 6 : size - 7 - (count - 1 - index) * step;
    }

    /**
     * A finder pattern (radius 4: the 7×7 square and its light separator) or an alignment pattern (radius 2),
     * centred on {@code x, y}; modules outside the code are skipped.
     */
    private void drawSquare(int x, int y, int radius) {
        for (int dy = -radius; dy <= radius; dy++) {
            for (int dx = -radius; dx <= radius; dx++) {
                int ring = Math.max(Math.abs(dx), Math.abs(dy));
                int column = x + dx;
                int row = y + dy;
                if (column >= 0 && column < size && row >= 0 && row < size) {
                    set(column, row, radius == 2 ? ring != 1 : ring != 2 && ring != 4);
                }
            }
        }
    }

    /** Level M (format bits 00) and {@code maskNumber}, with their BCH code, in both copies, and the dark module. */
    private void drawFormat(int maskNumber) {
        int bits = bch(maskNumber, 10, 0x537) ^ 0x5412;
        for (int i = 0; i < 15; i++) {
            boolean dark = (bits >>> i & 1) != 0;
            // first copy around the top-left finder, skipping the timing row and column
            if (i < 6) {
                set(8, i, dark);
            } else if (i < 8) {
                set(8, i + 1, dark);
            } else if (i == 8) {
                set(7, 8, dark);
            } else {
                set(14 - i, 8, dark);
            }
            // second copy split between the top-right and bottom-left finders
            if (i < 8) {
                set(size - 1 - i, 8, dark);
            } else {
                set(8, size - 15 + i, dark);
            }
        }
        set(8, size - 8, true);
    }

    /** {@code value} followed by its BCH remainder of {@code remainderBits} bits for {@code generator}. */
    private static int bch(int value, int remainderBits, int generator) {
        int remainder = value;
        for (int i = 0; i < remainderBits; i++) {
            remainder = remainder << 1 ^ (remainder >>> remainderBits - 1) * generator;
        }
        return value << remainderBits | remainder;
    }

    /** The data split into blocks, each followed by its error correction, interleaved codeword by codeword. */
    private int[] codewords(byte[] data) {
        int count = version / 7 + 2;
        int rawModules = (16 * version + 128) * version + 64
                - (version > 1 ? (25 * count - 10) * count - 55 : 0) - (version >= 7 ? 36 : 0);
        int total = rawModules / 8;
        int blocks = BLOCKS_M[version - 1];
        int eccLength = (total - data.length) / blocks;
        int shortBlocks = blocks - total % blocks;
        int shortData = total / blocks - eccLength;
        int[] divisor = generator(eccLength);
        int[] out = new int[total];
        int[][] ecc = new int[blocks][];
        for (int block = 0, start = 0; block < blocks; block++) {
            int length = shortData + (block < shortBlocks ? 0 : 1);
            ecc[block] = remainder(data, start, length, divisor);
            for (int i = 0; i < length; i++) {
                // the i-th codeword of every block, in block order; long blocks add one more after the short ones end
                out[i < shortData ? i * blocks + block : shortData * blocks + block - shortBlocks] = data[start + i] & 0xFF;
            }
            start += length;
        }
        int eccStart = data.length;
        for (int i = 0; i < eccLength; i++) {
            for (int block = 0; block < blocks; block++) {
                out[eccStart++] = ecc[block][i];
            }
        }
        return out;
    }

    /** The generator polynomial of degree {@code degree}, (x − 2⁰)…(x − 2^(degree−1)), without its leading 1. */
    private static int[] generator(int degree) {
        int[] result = new int[degree];
        result[degree - 1] = 1;
        int root = 1;
        for (int i = 0; i < degree; i++) {
            for (int j = 0; j < degree; j++) {
                result[j] = multiply(result[j], root) ^ (j + 1 < degree ? result[j + 1] : 0);
            }
            root = multiply(root, 2);
        }
        return result;
    }

    /** The error correction codewords of {@code data[start, start + length)}: the remainder of the division. */
    private static int[] remainder(byte[] data, int start, int length, int[] divisor) {
        int[] result = new int[divisor.length];
        for (int i = start; i < start + length; i++) {
            int factor = (data[i] & 0xFF) ^ result[0];
            for (int j = 0; j < result.length; j++) {
                result[j] = (j + 1 < result.length ? result[j + 1] : 0) ^ multiply(divisor[j], factor);
            }
        }
        return result;
    }

    /** The product in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1. */
    private static int multiply(int x, int y) {
        int product = 0;
        for (; y != 0; y >>>= 1) {
            if ((y & 1) != 0) {
                product ^= x;
            }
            x <<= 1;
            if (x > 0xFF) {
                x ^= 0x11D;
            }
        }
        return product;
    }

    /** The codewords' bits, most significant first, up and down column pairs from the right, around function modules. */
    private void place(int[] codewords) {
        int bit = 0;
        for (int right = size - 1; right >= 1; right -= 2) {
            if (right == 6) {
                right = 5; // the vertical timing pattern is not part of any pair
            }
            boolean upward = (right + 1 & 2) == 0;
            for (int step = 0; step < size; step++) {
                int y = upward ? size - 1 - step : step;
                for (int x = right; x >= right - 1; x--) {
                    if (!isFunction(x, y) && bit < codewords.length * 8) {
                        if ((codewords[bit >>> 3] >>> 7 - (bit & 7) & 1) != 0) {
                            modules[y * size + x] = DARK;
                        }
                        bit++;
                    }
                }
            }
        }
    }

    private void applyMask(int pattern) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (!isFunction(x, y) && masked(pattern, x, y)) {
                    modules[y * size + x] ^= DARK;
                }
            }
        }
    }

    private static boolean masked(int pattern, int x, int y) {
        switch (pattern) {
            case 0:
                return (x + y) % 2 == 0;
            case 1:
                return y % 2 == 0;
            case 2:
                return x % 3 == 0;
            case 3:
                return (x + y) % 3 == 0;
            case 4:
                return (x / 3 + y / 2) % 2 == 0;
            case 5:
                return x * y % 2 + x * y % 3 == 0;
            case 6:
                return (x * y % 2 + x * y % 3) % 2 == 0;
            default:
                return ((x + y) % 2 + x * y % 3) % 2 == 0;
        }
    }

    /** The standard's penalty: long runs, 2×2 blocks, finder-like patterns, imbalance of dark and light. */
    private int penalty() {
        int result = 0;
        int dark = 0;
        for (int i = 0; i < size; i++) {
            result += linePenalty(i * size, 1) + linePenalty(i, size);
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int here = modules[y * size + x] & DARK;
                dark += here;
                if (x + 1 < size && y + 1 < size && here == (modules[y * size + x + 1] & DARK)
                        && here == (modules[(y + 1) * size + x] & DARK)
                        && here == (modules[(y + 1) * size + x + 1] & DARK)) {
                    result += 3;
                }
            }
        }
        int total = size * size;
        // the smallest k with (45 − 5k) % <= dark share <= (55 + 5k) %
        return result + 10 * ((Math.abs(dark * 20 - total * 10) + total - 1) / total - 1);
    }

    /**
     * Runs of five or more modules of one colour (3, plus 1 per module beyond five), and 1:1:3:1:1 dark-light
     * patterns with four light modules on either side (40 each), on the row or column starting at {@code start}.
     * The code is taken to lie on light ground, {@code size} modules wide beyond each end.
     */
    private int linePenalty(int start, int stride) {
        int result = 0;
        int[] runs = new int[size + 2]; // alternating, light first (even indices light)
        int last = 0;
        runs[0] = size;
        int same = 0;
        for (int i = 0; i < size; i++) {
            int colour = modules[start + i * stride] & DARK;
            same = i > 0 && colour == (modules[start + (i - 1) * stride] & DARK) ? same + 1 : 1;
            if (same == 5) {
                result += 3;
            } else if (same > 5) {
                result++;
            }
            if (colour != (last & 1)) {
                last++;
            }
            runs[last]++;
        }
        if ((last & 1) != 0) {
            last++;
        }
        runs[last] += size;
        for (int i = 6; i <= last; i += 2) {
            int n = runs[i - 1];
            if (n > 0 && runs[i - 2] == n && runs[i - 3] == 3 * n && runs[i - 4] == n && runs[i - 5] == n) {
                result += (runs[i] >= 4 * n && runs[i - 6] >= n ? 40 : 0) + (runs[i - 6] >= 4 * n && runs[i] >= n ? 40 : 0);
            }
        }
        return result;
    }
}
