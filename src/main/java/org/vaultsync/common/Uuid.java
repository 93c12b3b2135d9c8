package org.vaultsync.common;

/** Random (version 4) UUIDs from a {@link RandomBytes} source, formatted like {@code crypto.randomUUID()}. */
public final class Uuid {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Uuid() {
    }

    public static String v4(RandomBytes random) {
        byte[] b = new byte[16];
        random.fill(b);
        b[6] = (byte) ((b[6] & 0x0F) | 0x40);
        b[8] = (byte) ((b[8] & 0x3F) | 0x80);
        StringBuilder out = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out.append('-');
            }
            out.append(HEX[(b[i] >> 4) & 0xF]).append(HEX[b[i] & 0xF]);
        }
        return out.toString();
    }

    /** Lower-case 8-4-4-4-12 hex with the version-4 and variant bits set. */
    public static boolean isV4(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return text.charAt(14) == '4' && "89ab".indexOf(text.charAt(19)) >= 0;
    }
}
