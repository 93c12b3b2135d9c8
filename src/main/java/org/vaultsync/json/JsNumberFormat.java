package org.vaultsync.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript Number::toString: the shortest decimal that reads back as the same double, laid out in plain or
 * exponential form by the thresholds of the spec (1e21, 1e-7). Java's Double.toString is not shortest on JDK 17
 * and uses another layout, so peers would disagree on the bytes of JSON contents.
 *
 * <p>This is the JVM's implementation. The browser build replaces the whole class with
 * {@code org.vaultsync.browser.substitutes.json.JsNumberFormat}, which asks the JavaScript engine itself
 * ({@code String(value)}, {@code Number(text)}), so neither this code nor {@code java.math} is in the client
 * (see {@code BrowserSubstitutions}).
 */
final class JsNumberFormat {
    private static final double TWO_POW_31 = 2147483648.0;

    private JsNumberFormat() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == 0) {
            return "0"; // -0 too, as in JavaScript
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        // Not Math.rint: TeaVM implements it through long, which is a BigInt in JavaScript.
        if (Math.abs(value) < TWO_POW_31 && value == (int) value) {
            return Integer.toString((int) value);
        }
        String sign = value < 0 ? "-" : "";
        BigDecimal shortest = shortestRoundTrip(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        // Strip trailing zeros of the digit string; the exponent moves with them.
        int scale = shortest.scale();
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
            scale--;
        }
        digits = digits.substring(0, end);
        int k = digits.length();
        int n = k - scale; // value = 0.digits × 10^n
        return sign + layout(digits, k, n);
    }

    /** The double a JSON number text (already checked against JSON's grammar) stands for, correctly rounded. */
    static double parse(String text) {
        return Double.parseDouble(text);
    }

    private static BigDecimal shortestRoundTrip(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == magnitude) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    private static String layout(String digits, int k, int n) {
        StringBuilder out = new StringBuilder();
        if (k <= n && n <= 21) {
            out.append(digits);
            for (int i = 0; i < n - k; i++) {
                out.append('0');
            }
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            for (int i = 0; i < -n; i++) {
                out.append('0');
            }
            out.append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int exponent = n - 1;
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }
}
