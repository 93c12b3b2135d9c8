package org.vaultsync.browser.substitutes.teavm;

import org.teavm.jso.JSBody;

/**
 * Browser build of TeaVM's {@code org.teavm.classlib.impl.text.DoubleSynthesizer}, the last step of
 * {@code Double.parseDouble}: TeaVM's version reads the tables of powers of ten that {@link DoubleAnalyzer} no longer
 * carries, so it is replaced as well, by the JavaScript engine's own correctly rounded reading of decimal text.
 * {@code Double.parseDouble} itself (syntax, errors) stays TeaVM's; this only turns its decimal digits into a double.
 */
public final class DoubleSynthesizer {
    private static final int MANTISSA_DIGITS = 18;

    private DoubleSynthesizer() {
    }

    /** The double nearest to {@code mantissa} x 10^({@code exp} - 18), negated if {@code negative}. */
    public static double synthesizeDouble(long mantissa, int exp, boolean negative) {
        double value = mantissa == 0 ? 0 : number(Long.toString(mantissa) + "e" + (exp - MANTISSA_DIGITS));
        return negative ? -value : value;
    }

    @JSBody(params = "text", script = "return Number(text);")
    private static native double number(String text);
}
