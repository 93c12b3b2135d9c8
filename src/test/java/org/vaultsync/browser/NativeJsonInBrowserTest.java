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
 * The browser's {@code JSON.parse} and {@code JSON.stringify} (installed by the app at start) must give exactly what
 * our pure-Java reader and writer give: the same values with keys in the same order for every JSON text, a
 * {@link JsonException} for every text that is not JSON or nests too deep; the same text for every value, and a
 * refusal where ours refuses.
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
    public void valuesAreWrittenAsOurWriterWritesThem() {
        Random random = new Random(11);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(randomValue(random, 0));
        }
        Map<Object, Object> edgeCases = new LinkedHashMap<>();
        edgeCases.put("__proto__", Map.of("x", 1));
        edgeCases.put("b", List.of(0, -0.0, 1.5e-7, 1e21, 123456789012L, (short) 3, (byte) -4, 0.1f));
        edgeCases.put("-1", Double.NaN);
        edgeCases.put("01", Double.POSITIVE_INFINITY);
        edgeCases.put("4294967295", "\ud800\u0001\"");
        values.add(edgeCases);
        values.add(Map.of("7", "an array index: JavaScript would list it first"));
        values.add(Map.of(7, "not a string key: refused"));
        values.add(List.of(new Object()));
        values.add(nested(Json.DEFAULT_MAX_DEPTH, "deepest allowed"));
        values.add(nested(Json.DEFAULT_MAX_DEPTH + 1, "too deep"));
        values.add(nested(Json.DEFAULT_MAX_DEPTH, List.of()));
        for (Object value : values) {
            String ours = written(value);
            BrowserNativeJson.install();
            String theirs = written(value);
            NativeJson.install(null);
            assertEquals("writing " + ours, ours, theirs);
        }
    }

    @Test
    public void onlyCanonicalArrayIndexesAreArrayIndexKeys() {
        for (String index : List.of("0", "7", "10", "4294967294")) {
            assertEquals(index, true, BrowserNativeJson.isArrayIndex(index));
        }
        for (String name : List.of("", "-1", "01", "1.5", "1e3", " 1", "4294967295", "4294967296", "99999999999", "x")) {
            assertEquals(name, false, BrowserNativeJson.isArrayIndex(name));
        }
    }

    private static Object nested(int lists, Object innermost) {
        Object value = innermost;
        for (int i = 0; i < lists; i++) {
            value = List.of(value);
        }
        return value;
    }

    private static String written(Object value) {
        try {
            return Json.stringify(value);
        } catch (JsonException e) {
            return "refused";
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
