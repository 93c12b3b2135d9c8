package org.vaultsync.browser.substitutes.teavm;

import org.teavm.jso.JSBody;

/**
 * Browser build of TeaVM's {@code org.teavm.classlib.impl.text.DoubleAnalyzer} (TeaVM substitutes this class for it,
 * see {@link org.vaultsync.browser.BrowserSubstitutions}), the step of {@code Double.toString} and of
 * {@code StringBuilder.append(double)} that finds the shortest decimal digits of a double. TeaVM's own version carries
 * tables of 64-bit powers of ten that compile to about 12 KB of the gzipped client which nothing can compress; the
 * JavaScript engine finds the same shortest digits natively ({@code Number.prototype.toExponential()} without an
 * argument gives as many digits as it takes to read the number back, and no more).
 *
 * <p>Same contract as TeaVM's: called for finite, non-zero values; {@code mantissa} gets the digits as an
 * 18-digit integer (10^17 &lt;= mantissa &lt; 10^18, trailing zeros filling it up), {@code exponent} the decimal
 * exponent of the first digit, {@code sign} whether the value is negative. JSON numbers do not come through here
 * (they use {@code JsNumberFormat}); this is for {@code Double.toString} and string concatenation.
 * {@code fastIntLog10} is the other member TeaVM's library calls ({@code BigDecimal}); TeaVM's parsing of doubles,
 * which read this class's tables, is substituted too ({@link DoubleSynthesizer}).
 */
public final class DoubleAnalyzer {
    private static final int DIGITS = 18;

    private DoubleAnalyzer() {
    }

    public static void analyze(double d, Result result) {
        result.sign = d < 0;
        String text = exponential(Math.abs(d)); // "1.2345e+2", "5e-324"
        int e = text.indexOf('e');
        long mantissa = 0;
        int digits = 0;
        for (int i = 0; i < e; i++) {
            char c = text.charAt(i);
            if (c != '.') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
            }
        }
        for (; digits < DIGITS; digits++) {
            mantissa *= 10;
        }
        result.mantissa = mantissa;
        // "e+2" / "e-324"; read by hand, as Integer.parseInt would bring TeaVM's table of Unicode digits
        int exponent = 0;
        for (int i = e + 2; i < text.length(); i++) {
            exponent = exponent * 10 + (text.charAt(i) - '0');
        }
        result.exponent = text.charAt(e + 1) == '-' ? -exponent : exponent;
    }

    /** The decimal exponent of the first digit of {@code d}, as TeaVM's {@code BigDecimal} asks for it. */
    public static int fastIntLog10(double d) {
        Result result = new Result();
        analyze(d, result);
        int exponent = result.exponent;
        if (exponent < 0 && result.mantissa > 100000000000000000L) {
            exponent++;
        }
        return exponent;
    }

    @JSBody(params = "value", script = "return value.toExponential();")
    private static native String exponential(double value);

    /** The digits and exponent of one double, as TeaVM's string builder reads them. */
    public static class Result {
        public long mantissa;
        public int exponent;
        public boolean sign;
    }
}
