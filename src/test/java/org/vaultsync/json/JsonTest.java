package org.vaultsync.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @Test
    void numbersFormatExactlyAsJavaScriptDoes() throws Exception {
        int checked = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                JsonTest.class.getResourceAsStream("/json/js-number-strings.txt"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                assertEquals(parts[1], Json.formatNumber(value), () -> "bits " + parts[0]);
                checked++;
            }
        }
        assertTrue(checked > 3000, "reference list looks truncated: " + checked);
    }

    @Test
    void specialNumbersFollowJavaScript() throws Exception {
        assertEquals("0", Json.formatNumber(-0.0));
        assertEquals("NaN", Json.formatNumber(Double.NaN));
        assertEquals("[null,null,0]", Json.stringify(List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0)));
    }

    @Property
    void everyFiniteDoubleReadsBackUnchanged(@ForAll double value) throws Exception {
        if (Double.isFinite(value)) {
            assertEquals(value == 0 ? 0.0 : value, (Double) Json.parse(Json.stringify(value)), 0.0);
        }
    }

    @Test
    void stringsEscapeAsJsonStringify() throws Exception {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001/é😀\"", Json.stringify("a\"b\\c\n\t\u0001/é😀"));
        assertEquals("\"\\ud800x\\udc00\"", Json.stringify("\ud800x\udc00"));
    }

    @Test
    void objectsKeepInsertionOrderAndRoundTrip() throws Exception {
        String text = "{\"b\":1,\"a\":[true,false,null,\"x\",{\"n\":-1.5e-7}],\"c\":{}}";
        Object parsed = Json.parse(text);
        assertEquals(text.replace("-1.5e-7", "-1.5e-7"), Json.stringify(parsed));
        assertEquals(Arrays.asList("b", "a", "c"), new ArrayList<>(((Map<?, ?>) parsed).keySet()));
    }

    @Test
    void duplicateKeysKeepTheLastValueInTheFirstPositionAsJavaScriptDoes() throws Exception {
        // node: JSON.stringify(JSON.parse('{"a":1,"b":2,"a":3}')) is '{"a":3,"b":2}'
        assertEquals("{\"a\":3,\"b\":2}", Json.stringify(Json.parse("{\"a\":1,\"b\":2,\"a\":3}")));
    }

    @Test
    void escapesAndSurrogatesParse() throws Exception {
        assertEquals("\"é😀\n", Json.parse("\"\\\"\\u00e9\\ud83d\\ude00\\n\""));
    }

    @Test
    void unicodeEscapesTakeAsciiHexDigitsInEitherCase() throws Exception {
        assertEquals("\u00ff\u00FF\uABCD\uabcd", Json.parse("\"\\u00ff\\u00FF\\uABCD\\uabcd\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\u00g0\"", "\"\\u00\uff10\uff10\"", "\"\\u\u0661\u0662\u0663\u0664\""})
    void unicodeEscapesWithOtherDigitsAreRejectedAsJsonParseRejectsThem(String text) {
        JsonException error = assertThrows(JsonException.class, () -> Json.parse(text));
        assertTrue(error.getMessage().contains("invalid \\u escape"), error.getMessage());
    }

    @Test
    void whitespaceAroundValuesIsAllowed() throws Exception {
        assertEquals(List.of(1.0, 2.0), Json.parse(" \t\r\n[ 1 ,\n2 ] "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "-", "1e", "tru", "nul", "\"abc",
        "\"\\x\"", "\"\\u12\"", "\"a\u0001\"", "[1 2]", "{\"a\" 1}", "{1:2}", "1 2", "NaN", "Infinity", "'a'", "[", "/* */1"})
    void malformedInputIsRejectedWithAClearError(String text) {
        JsonException error = assertThrows(JsonException.class, () -> Json.parse(text));
        assertTrue(error.getMessage().startsWith("Invalid JSON at offset "), error.getMessage());
    }

    @Test
    void hostileNestingIsRejectedNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        JsonException error = assertThrows(JsonException.class, () -> Json.parse(deep));
        assertTrue(error.getMessage().contains("nested deeper than 256 levels"));
    }

    @Test
    void writingRejectsValuesJsonCannotHold() {
        assertThrows(JsonException.class, () -> Json.stringify(new Object()));
        Map<Object, Object> badKey = new LinkedHashMap<>();
        badKey.put(1, "x");
        JsonException error = assertThrows(JsonException.class, () -> Json.stringify(badKey));
        // the message names the key's type, not the key (printing values would ship every toString to the client)
        assertEquals("JSON object keys must be strings, got a number", error.getMessage());
    }

    @Test
    void integersOfEveryJavaTypeWriteWithoutFraction() throws Exception {
        assertEquals("[1,2,3,4294967296,0.5]", Json.stringify(List.of(1, (short) 2, 3L, 4294967296L, 0.5f)));
    }
}
