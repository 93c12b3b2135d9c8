package org.vaultsync.common;

/**
 * Case-insensitive matching and ordering for searching and sorting lists. Only A–Z fold: {@code String.toLowerCase}
 * and {@code compareToIgnoreCase} would bring TeaVM's Unicode case tables into the client (about 10 KB gzip) for
 * names that are, in practice, ASCII; other letters still match exactly.
 */
public final class AsciiFold {
    private AsciiFold() {
    }

    public static String lower(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append((char) (c + ('a' - 'A')));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Orders ignoring A–Z case, then exactly (so "atlas" sits beside "Atlas" and the order is total). */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int d = fold(a.charAt(i)) - fold(b.charAt(i));
            if (d != 0) {
                return d;
            }
        }
        return a.length() != b.length() ? a.length() - b.length() : a.compareTo(b);
    }

    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0';
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
