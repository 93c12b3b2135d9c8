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
 * {@link DecodingException} for every malformed input, the same JSON text for every string.
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
