package org.vaultsync.browser;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.SkipJVM;
import org.teavm.junit.TeaVMTestRunner;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;
import org.vaultsync.json.NativeJson;

/**
 * The browser's {@code JSON.parse} (installed by the app at start) must give exactly what our pure-Java reader
 * gives: the same values with keys in the same order for every JSON text, a {@link JsonException} for every text
 * that is not JSON or nests too deep.
 */
@RunWith(TeaVMTestRunner.class)
@SkipJVM
public class NativeJsonInBrowserTest {
    @After
    public void uninstall() {
        NativeJson.install(null);
    }

    @Test
    public void signalingFramesAndEdgeCasesReadAsOurReaderReadsThem() throws JsonException {
        StringBuilder sdp = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            sdp.append("a=candidate:").append(i).append(" 1 udp 2113937151 192.168.1.").append(i).append(" 54321 typ host\r\n");
        }
        List<String> texts = new ArrayList<>(List.of(
                "{\"type\":\"publish\",\"topic\":\"vault-sync/ABCDEF\",\"data\":{\"to\":\"p1\",\"from\":\"p2\","
                        + "\"type\":\"signal\",\"token\":1732950000123.4567,\"signal\":{\"type\":\"offer\",\"sdp\":"
                        + Json.stringify(sdp.toString()) + "}},\"clients\":2}",
                "{\"type\":\"pong\"}", "[]", "{}", " \t\n\r[1 , 2]\n", "0", "-0", "1e400", "-1e-400", "0.1", "1E+2",
                "123456789012345678901234567890", "true", "false", "null", "\"\"",
                "\"\\\"\\u00e9\\ud83d\\ude00\\ud800\\/\\b\\f\\n\\r\\t\"",
                "{\"a\":1,\"b\":2,\"a\":3}", "{\"b\":1,\"2\":2,\"1\":3}", "[{\"x\":{\"0\":true}}]",
                "{\"__proto__\":{\"x\":1},\"constructor\":2}", "{\"-1\":1,\"01\":2,\"4294967295\":3,\"1.5\":4}",
                "", " ", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "-", "+1", "NaN", "'a'", "\"\t\"", "\"\\x\"",
                "\"\\u12\"", "tru", "nul", "[1]x", "\ufeff{}", "{\"a\" 1}", "1 2", "{1:2}", "\"\\ud83d"));
        texts.add("[".repeat(Json.DEFAULT_MAX_DEPTH) + "]".repeat(Json.DEFAULT_MAX_DEPTH));
        texts.add("[".repeat(Json.DEFAULT_MAX_DEPTH + 1) + "]".repeat(Json.DEFAULT_MAX_DEPTH + 1));
        texts.add("{\"a\":".repeat(40) + "1" + "}".repeat(40));
        for (String text : texts) {
            assertSameOutcome(text, Json.DEFAULT_MAX_DEPTH);
            assertSameOutcome(text, 32);
        }
    }

    @Test
    public void randomDocumentsAndDamagedCopiesReadAsOurReaderReadsThem() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            String text;
            try {
                text = Json.stringify(randomValue(random, 0));
            } catch (JsonException e) {
                throw new AssertionError(e);
            }
            assertSameOutcome(text, 3);
            assertSameOutcome(damaged(text, random), Json.DEFAULT_MAX_DEPTH);
        }
    }

    @Test
    public void aDocumentWithArrayIndexKeysIsLeftToOurReader() throws JsonException {
        BrowserNativeJson.install();
        assertSame(NativeJson.NOT_EXACT, NativeJson.installed().parse("{\"b\":1,\"2\":2}", 8));
        assertEquals("{\"b\":1,\"2\":2}", Json.stringify(Json.parse("{\"b\":1,\"2\":2}")));
    }

    private static void assertSameOutcome(String text, int maxDepth) {
        String ours = outcome(text, maxDepth);
        BrowserNativeJson.install();
        String theirs = outcome(text, maxDepth);
        NativeJson.install(null);
        assertEquals("reading " + text, ours, theirs);
    }

    /** The value as JSON text (key order included) and its Java types, or that it was refused. */
    private static String outcome(String text, int maxDepth) {
        try {
            Object value = Json.parse(text, maxDepth);
            return Json.stringify(value) + " " + types(value);
        } catch (JsonException e) {
            return "refused";
        }
    }

    private static String types(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("map(");
            map.forEach((key, member) -> out.append(key).append('=').append(types(member)).append(','));
            return out.append(')').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("list(");
            list.forEach(item -> out.append(types(item)).append(','));
            return out.append(')').toString();
        }
        if (value instanceof Double number) {
            return number.doubleValue() == 0 && 1 / number.doubleValue() < 0 ? "-0" : "double";
        }
        return value == null ? "null" : value instanceof String ? "string" : value instanceof Boolean ? "boolean" : "?";
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 4 : 6);
        switch (kind) {
            case 0:
                return null;
            case 1:
                return random.nextBoolean();
            case 2:
                return random.nextInt(3) == 0 ? (double) random.nextInt(1000) : random.nextGaussian() * 1e6;
            case 3:
                return randomString(random);
            case 4: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    map.put(random.nextInt(5) == 0 ? String.valueOf(random.nextInt(3)) : randomString(random),
                            randomValue(random, depth + 1));
                }
                return map;
            }
        }
    }

    private static String randomString(Random random) {
        char[] alphabet = {'a', 'Z', '0', ' ', '"', '\\', '\n', '\u0001', 'é', '\u20ac', '\ud83d', '\ude00', '\ud800'};
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            s.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return s.toString();
    }

    /** {@code text} with one character removed, replaced or inserted. */
    private static String damaged(String text, Random random) {
        String noise = "{}[],:\"\\0-e. x";
        int at = random.nextInt(text.length() + 1);
        char c = noise.charAt(random.nextInt(noise.length()));
        switch (random.nextInt(3)) {
            case 0:
                return at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
            case 1:
                return at < text.length() ? text.substring(0, at) + c + text.substring(at + 1) : text + c;
            default:
                return text.substring(0, at) + c + text.substring(at);
        }
    }
}
