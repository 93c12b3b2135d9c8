package org.vaultsync.crdt.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.vaultsync.crdt.Hex;

/** Every lib0 example of yjs-format.md §1, byte for byte, in both directions. */
class Lib0EncodingTest {
    private static String written(Consumer<Lib0Writer> write) {
        Lib0Writer writer = new Lib0Writer(1);
        write.accept(writer);
        return Hex.of(writer.toByteArray());
    }

    private static Lib0Reader reader(String hex) {
        return new Lib0Reader(Hex.parse(hex));
    }

    @Test
    void varUintMatchesTheSpecTable() throws DecodingException {
        long[] values = {0, 1, 127, 128, 255, 256, 300, 16383, 16384, 2147483647L, 2147483648L, 4294967295L,
            4294967296L, 3000000000L, 9007199254740991L};
        String[] hex = {"00", "01", "7f", "8001", "ff01", "8002", "ac02", "ff7f", "808001", "ffffffff07",
            "8080808008", "ffffffff0f", "8080808010", "80bcc1960b", "ffffffffffffff0f"};
        for (int i = 0; i < values.length; i++) {
            long value = values[i];
            assertEquals(hex[i], written(w -> w.writeVarUint53(value)), "writing " + value);
            assertEquals(value, reader(hex[i]).readVarUint(), "reading " + hex[i]);
        }
    }

    @Test
    void unsigned32BitClientIdsRoundTripThroughInt() throws DecodingException {
        assertEquals("80bcc1960b", written(w -> w.writeVarUint((int) 3000000000L)));
        assertEquals("ffffffff0f", written(w -> w.writeVarUint(-1)));
        assertEquals((int) 3000000000L, reader("80bcc1960b").readVarUint32());
        assertThrows(DecodingException.class, () -> reader("8080808010").readVarUint32());
        assertThrows(DecodingException.class, () -> reader("8080808008").readVarUintAsInt());
        assertEquals(Integer.MAX_VALUE, reader("ffffffff07").readVarUintAsInt());
    }

    @Test
    void varUintAcceptsOverlongFormsButRejectsTruncationAndUnsafeValues() throws DecodingException {
        assertEquals(0, reader("8000").readVarUint());
        assertEquals(0, reader("8080808080808000").readVarUintAsInt());
        assertThrows(DecodingException.class, () -> reader("80").readVarUint());
        assertThrows(DecodingException.class, () -> reader("80").readVarUintAsInt());
        assertThrows(DecodingException.class, () -> reader("ffffffffffffff7f").readVarUint());
        assertThrows(DecodingException.class, () -> reader("ffffffffffffffffff01").readVarUint());
        assertThrows(DecodingException.class, () -> reader("ffffffffffffffffffffffff").readVarUintAsInt());
    }

    @Test
    void varIntIsSignMagnitude() throws DecodingException {
        long[] values = {0, 1, -1, 63, -63, 64, -64, 127, 128, -128, 8191, 8192, 2147483647L, -2147483647L,
            -2147483648L};
        String[] hex = {"00", "01", "41", "3f", "7f", "8001", "c001", "bf01", "8002", "c002", "bf7f", "808001",
            "bfffffff0f", "ffffffff0f", "c080808010"};
        for (int i = 0; i < values.length; i++) {
            long value = values[i];
            assertEquals(hex[i], written(w -> w.writeVarInt(value)), "writing " + value);
            assertEquals(value, reader(hex[i]).readVarInt(), "reading " + hex[i]);
        }
        assertThrows(DecodingException.class, () -> reader("c0").readVarInt());
    }

    @Test
    void stringsAreUtf8WithWhatwgRules() throws DecodingException {
        String[] strings = {"", "a", "hi", "é", "€", "😀", "a\u0000b", "\uFEFFa"};
        String[] hex = {"00", "0161", "026869", "02c3a9", "03e282ac", "04f09f9880", "03610062", "04efbbbf61"};
        for (int i = 0; i < strings.length; i++) {
            String s = strings[i];
            assertEquals(hex[i], written(w -> w.writeVarString(s)));
            assertEquals(s, reader(hex[i]).readVarString());
        }
        assertEquals("03efbfbd", written(w -> w.writeVarString("\uD83D")));
        assertEquals("03efbfbd", written(w -> w.writeVarString("\uDE00")));
        assertEquals("07efbfbd61efbfbd", written(w -> w.writeVarString("\uDE00a\uD83D")));
    }

    @Test
    void malformedUtf8IsRejected() {
        for (String bad : new String[] {"01ff", "02c080", "03eda0bd", "03f09f98", "04f4908080", "0180", "02e282",
            "02c341", "05f8888080", "03e08080"}) {
            assertThrows(DecodingException.class, () -> reader(bad).readVarString(), bad);
        }
        assertThrows(DecodingException.class, () -> reader("056162").readVarString());
    }

    @Test
    void bytesAndFixedWidthNumbers() throws DecodingException {
        assertEquals("03010203", written(w -> w.writeVarBytes(new byte[] {1, 2, 3})));
        assertArrayEquals(new byte[] {1, 2, 3}, reader("03010203").readVarBytes());
        assertEquals("3fc00000", written(w -> w.writeFloat32(1.5f)));
        assertEquals("3ff8000000000000", written(w -> w.writeFloat64(1.5)));
        assertEquals("3fb999999999999a", written(w -> w.writeFloat64(0.1)));
        assertEquals("0000000000000001", written(w -> w.writeBigInt64(1)));
        assertEquals("fffffffffffffffe", written(w -> w.writeBigInt64(-2)));
        assertEquals(0.1, reader("3fb999999999999a").readFloat64());
        assertEquals(1.5f, reader("3fc00000").readFloat32());
        assertEquals(-2, reader("fffffffffffffffe").readBigInt64());
        assertThrows(DecodingException.class, () -> reader("3fb9").readFloat64());
    }

    @Test
    void anyNumbersFollowTheJavaScriptTagRule() throws DecodingException {
        Object[] values = {0.0, -0.0, 1.0, -1.0, 42, 63, 64.0, -64.0, 2147483647.0, -2147483647.0, 2147483648.0,
            -2147483648.0, Integer.MIN_VALUE, 4294967296.0, 9007199254740992.0, 1.5, -1.5, 0.1,
            3.4028234663852886e38, 1e39, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 5e-324,
            4294967296L};
        String[] hex = {"7d00", "7d40", "7d01", "7d41", "7d2a", "7d3f", "7d8001", "7dc001", "7dbfffffff0f",
            "7dffffffff0f", "7c4f000000", "7ccf000000", "7ccf000000", "7c4f800000", "7c5a000000", "7c3fc00000",
            "7cbfc00000", "7b3fb999999999999a", "7c7f7fffff", "7b48078287f49c4a1d", "7b7ff8000000000000",
            "7c7f800000", "7cff800000", "7b0000000000000001", "7c4f800000"};
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            assertEquals(hex[i], written(w -> w.writeAny(value)), "writing " + value);
            Object back = reader(hex[i]).readAny();
            assertEquals(((Number) value).doubleValue(), (Double) back, 0.0, "reading " + hex[i]);
        }
        assertTrue(1 / (Double) reader("7d40").readAny() < 0, "-0 keeps its sign");
        assertTrue(Double.isNaN((Double) reader("7b7ff8000000000000").readAny()));
    }

    @Test
    void writesLongerThanTheFirstBufferKeepEveryByteInOrder() throws DecodingException {
        Lib0Writer writer = new Lib0Writer(); // grows by setting full chunks aside: the output must not show it
        String text = "x".repeat(300) + "\u00e9";
        for (int i = 0; i < 5000; i++) {
            writer.writeVarUint(i);
            writer.writeAny(i * 0.5);
            if (i % 100 == 0) {
                writer.writeVarString(text);
            }
        }
        byte[] bytes = writer.toByteArray();
        assertEquals(writer.length(), bytes.length);
        Lib0Reader reader = new Lib0Reader(bytes);
        for (int i = 0; i < 5000; i++) {
            assertEquals(i, reader.readVarUint32());
            assertEquals(i * 0.5, (Double) reader.readAny());
            if (i % 100 == 0) {
                assertEquals(text, reader.readVarString());
            }
        }
        assertTrue(!reader.hasContent());
    }

    @Test
    void anyOtherValues() throws DecodingException {
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", 1);
        ba.put("a", 2);
        Map<String, Object> indexKeys = new LinkedHashMap<>();
        indexKeys.put("b", 1);
        indexKeys.put("1", 2);
        indexKeys.put("a", 3);
        indexKeys.put("0", 4);
        Object[] values = {Undefined.VALUE, null, new JsBigInt(10), new JsBigInt(-10), false, true, "", "hi",
            Map.of(), Map.of("a", 1), ba, List.of(), Arrays.asList(1, "x", true, null), new byte[] {1, 2}, indexKeys};
        String[] hex = {"7f", "7e", "7a000000000000000a", "7afffffffffffffff6", "79", "78", "7700", "77026869",
            "7600", "760101617d01", "760201627d0101617d02", "7500", "75047d01770178787e", "74020102",
            "760401307d0401317d0201627d0101617d03"};
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            assertEquals(hex[i], written(w -> w.writeAny(value)), "writing " + value);
            Lib0Writer again = new Lib0Writer();
            again.writeAny(reader(hex[i]).readAny());
            assertEquals(hex[i], Hex.of(again.toByteArray()), "round trip of " + hex[i]);
        }
        assertEquals(Undefined.VALUE, reader("7f").readAny());
        assertEquals(List.of(1.0, "x", true), reader("75037d0177017878").readAny());
    }

    @Test
    void decodedObjectsBehaveLikeJavaScriptObjects() throws DecodingException {
        // wire keys b, 1, a, b, __proto__: duplicates keep the first position and the last value, __proto__ vanishes
        String wire = "760501627d0101317d0201617d0301627d04095f5f70726f746f5f5f7d05";
        Object decoded = reader(wire).readAny();
        Lib0Writer writer = new Lib0Writer();
        writer.writeAny(decoded);
        assertEquals("760301317d0201627d0401617d03", Hex.of(writer.toByteArray()));
    }

    @Test
    void shortStringsReadAgainAreSharedAndStillCheckedWhenMalformed() throws DecodingException {
        // a short text seen before comes back as the same string, equal to its decoding; malformed bytes still fail
        String wire = written(w -> w.writeAny("Jade Falcon é"));
        Object first = reader(wire).readAny();
        Object second = reader(wire).readAny();
        Object third = reader(wire).readAny();
        assertEquals("Jade Falcon é", first);
        assertEquals(first, second);
        assertSame(second, third);
        assertEquals("ab", reader("7702" + "6162").readAny());
        for (int i = 0; i < 3; i++) {
            assertThrows(DecodingException.class, () -> reader("7702c341").readAny());
            assertThrows(DecodingException.class, () -> reader("7601" + "02c341" + "7e").readAny());
        }
    }

    @Test
    void hostileLengthsAndTagsAreRejectedWithoutAllocating() {
        assertThrows(DecodingException.class, () -> reader("7480808080 07".replace(" ", "")).readAny());
        assertThrows(DecodingException.class, () -> reader("75ffffffff07").readAny());
        assertThrows(DecodingException.class, () -> reader("76ffffffff07").readAny());
        assertThrows(DecodingException.class, () -> reader("77ffffffff0761").readAny());
        assertThrows(DecodingException.class, () -> reader("00").readAny());
        assertThrows(DecodingException.class, () -> reader("80").readAny());
        assertThrows(DecodingException.class, () -> reader("").readAny());
        assertThrows(DecodingException.class, () -> reader("7501".repeat(300) + "7e").readAny());
    }
}
