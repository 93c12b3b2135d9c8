package org.vaultsync.ui;

import org.vaultsync.json.Json;

/** Numbers as players read them: thousands grouped ("1,897"), one decimal for averages. */
final class Numbers {
    private Numbers() {
    }

    static String grouped(double value) {
        String plain = Json.formatNumber(value);
        int point = plain.indexOf('.');
        int end = point < 0 ? plain.length() : point;
        int start = plain.startsWith("-") ? 1 : 0;
        if (plain.indexOf('e') >= 0 || end - start <= 3) {
            return plain;
        }
        StringBuilder out = new StringBuilder(plain.substring(0, start));
        for (int i = start; i < end; i++) {
            if (i > start && (end - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain.substring(end)).toString();
    }

    /** One decimal place, or a dash for "no value" (NaN: no pilots to average). */
    static String oneDecimal(double value) {
        if (Double.isNaN(value)) {
            return "\u2014";
        }
        int tenths = (int) Math.floor(value * 10 + 0.5);
        return (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    /** "1 unit", "3 units". */
    static String count(int n, String singular, String plural) {
        return grouped(n) + " " + (n == 1 ? singular : plural);
    }
}
