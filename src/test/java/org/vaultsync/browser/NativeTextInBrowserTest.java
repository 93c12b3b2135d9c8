package org.vaultsync.browser;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.SkipJVM;
import org.teavm.junit.TeaVMTestRunner;
import org.vaultsync.common.NativeText;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.encoding.Utf8;
import org.vaultsync.json.Json;

/**
 * The browser's native number formatting and UTF-8 (installed by the app at start) must give exactly what our
 * pure-Java code gives: the same bytes for every string, the same text for well-formed input, a
 * {@link DecodingException} for every malformed input, the same text for every number.
 */
@RunWith(TeaVMTestRunner.class)
@SkipJVM
public class NativeTextInBrowserTest {
    private static final String PAD = "0123456789abcdefghij"; // long enough for the native path

    @After
    public void uninstall() {
        NativeText.install(null);
    }

    @Test
    public void encodingGivesTheSameBytesAsOurEncoder() throws DecodingException {
        for (String s : strings()) {
            byte[] ours = varString(s);
            BrowserNativeText.install();
            byte[] native_ = varString(s);
            assertArrayEquals("bytes of " + escape(s), ours, native_);
            assertEquals("decoding " + escape(s), new Lib0Reader(ours).readVarString(), new Lib0Reader(native_).readVarString());
            NativeText.install(null);
        }
    }

    @Test
    public void stringsAreQuotedForJsonAsOurWriterDoes() throws Exception {
        for (String s : strings()) {
            String ours = Json.stringify(s);
            BrowserNativeText.install();
            assertEquals("JSON of " + escape(s), ours, Json.stringify(s));
            NativeText.install(null);
        }
    }

    @Test
    public void malformedUtf8IsRejectedByTheNativeDecoderToo() {
        String[] malformed = {"c0af", "e08080", "eda080", "f4908080", "f8", "80", "e282", "ff", "c2"};
        BrowserNativeText.install();
        for (String hex : malformed) {
            byte[] bytes = concat(PAD.getBytes(), fromHex(hex), PAD.getBytes());
            try {
                Utf8.decode(bytes);
                fail("accepted malformed " + hex);
            } catch (DecodingException expected) {
                // the pure-Java decoder names the offending byte
            }
        }
    }

    @Test
    public void byteOrderMarkIsKept() throws DecodingException {
        BrowserNativeText.install();
        byte[] bytes = concat(fromHex("efbbbf"), PAD.getBytes());
        assertEquals("\ufeff" + PAD, Utf8.decode(bytes));
    }

    @Test
    public void numbersAreFormattedAsOurFormatterDoes() {
        double[] values = {0.1, 0.30000000000000004, 1e21, 1e-7, 123e-20, 5e-324, 1.7976931348623157e308,
            9007199254740993.0, -1.25e-10, 1.0 / 3, 9.999999999999999e22, 1e23, 2e-3, 4294967296.0, 123456.789e3,
            -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1700001234567.0, 12345.67};
        Random random = new Random(7);
        List<Double> all = new ArrayList<>();
        for (double v : values) {
            all.add(v);
        }
        for (int i = 0; i < 200; i++) {
            all.add(Double.longBitsToDouble(random.nextLong()));
            all.add(random.nextDouble() * 1e6);
        }
        for (double v : all) {
            String ours = Json.formatNumber(v);
            BrowserNativeText.install();
            assertEquals(ours, Json.formatNumber(v));
            NativeText.install(null);
        }
    }

    private static List<String> strings() {
        List<String> strings = new ArrayList<>(List.of("", "a", PAD, PAD + "é", PAD + "😀" + PAD, "\ud800" + PAD,
                PAD + "\udc00", PAD + "\ud83d", "\ufeff" + PAD, PAD.repeat(10) + "\u0800\uffff"));
        Random random = new Random(42);
        char[] alphabet = {'a', 'Z', '0', ' ', '"', '\\', '\n', '\u0001', '\u007f', 'é', 'ß', '\u0800', '\u20ac', '\uffff', '\ud83d', '\ude00', '\ud800', '\udfff'};
        for (int i = 0; i < 300; i++) {
            int length = random.nextInt(200);
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < length; k++) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            strings.add(s.toString());
        }
        return strings;
    }

    private static byte[] varString(String s) {
        Lib0Writer writer = new Lib0Writer(16);
        writer.writeVarString(s);
        return writer.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        Lib0Writer writer = new Lib0Writer();
        for (byte[] part : parts) {
            writer.writeBytes(part);
        }
        return writer.toByteArray();
    }

    private static byte[] fromHex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c < 0x80 ? String.valueOf(c) : "\\u" + Integer.toHexString(c));
        }
        return out.toString();
    }
}
