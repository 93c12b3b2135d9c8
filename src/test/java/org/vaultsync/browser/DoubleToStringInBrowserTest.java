package org.vaultsync.browser;

import static org.junit.Assert.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.SkipJVM;
import org.teavm.junit.TeaVMTestRunner;

/**
 * {@code Double.toString} and string concatenation of doubles in the browser, where TeaVM's digit search is replaced by
 * the JavaScript engine's ({@code substitutes.teavm.DoubleAnalyzer}): the shortest digits that read back as the same
 * double, laid out as Java lays them out.
 */
@RunWith(TeaVMTestRunner.class)
@SkipJVM
public class DoubleToStringInBrowserTest {
    @Test
    public void doublesAreWrittenWithTheShortestDigitsInJavasLayout() {
        double[] values = {1.0, -2.5, 0.1, 0.002, 0.001, 1.0E-4, 100.0, 123456.789, 1234567.0, 1.0E7, 12345678.9,
            0.1 + 0.2, 1 / 3.0, 2 / 3.0, 100 / 3.0, 1.0E21, 1.0E22, 9007199254740993.0, Double.MAX_VALUE, -1.5E-10,
            0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 65535.0, 4.35, 1.0E-300};
        String[] expected = {"1.0", "-2.5", "0.1", "0.002", "0.001", "1.0E-4", "100.0", "123456.789", "1234567.0",
            "1.0E7", "1.23456789E7", "0.30000000000000004", "0.3333333333333333", "0.6666666666666666",
            "33.333333333333336", "1.0E21", "1.0E22", "9.007199254740992E15", "1.7976931348623157E308", "-1.5E-10",
            "0.0", "-0.0", "NaN", "Infinity", "-Infinity", "65535.0", "4.35", "1.0E-300"};
        for (int i = 0; i < values.length; i++) {
            assertEquals(expected[i], Double.toString(values[i]));
            assertEquals("x=" + expected[i], "x=" + values[i]);
            assertEquals(expected[i], String.valueOf((Object) values[i]));
        }
    }

    @Test
    public void doublesAreReadBackToTheSameValue() {
        String[] texts = {"1.5", "-2.5", "123", "0.001", "1e10", "-2.5E-3", "0.30000000000000004", "1.7976931348623157E308",
            "4.9E-324", "12345678901234567890", "0.1", "100", "0", "-0.0", "1.0E-300", "123456.789"};
        double[] expected = {1.5, -2.5, 123, 0.001, 1e10, -2.5E-3, 0.1 + 0.2, Double.MAX_VALUE, Double.MIN_VALUE,
            12345678901234567890.0, 0.1, 100, 0, -0.0, 1.0E-300, 123456.789};
        for (int i = 0; i < texts.length; i++) {
            assertEquals(texts[i], Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(Double.parseDouble(texts[i])));
        }
    }

    @Test
    public void bigDecimalsOfDoublesKeepTheirDigits() {
        assertEquals("0.1000000000000000055511151231257827021181583404541015625", new BigDecimal(0.1).toString());
        assertEquals("1.5", BigDecimal.valueOf(1.5).toString());
        assertEquals("0.00123", new BigDecimal("0.00123").round(new MathContext(3)).toString());
    }
}
