package org.vaultsync.crdt.encoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class Lib0RoundTripPropertyTest {
    @Property(tries = 300)
    void wellFormedStringsMatchJavasUtf8AndRoundTrip(@ForAll String s) throws DecodingException {
        String wellFormed = s.codePoints().filter(cp -> cp < 0xD800 || cp > 0xDFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        byte[] ours = Utf8.encode(wellFormed);
        assertArrayEquals(wellFormed.getBytes(StandardCharsets.UTF_8), ours);
        assertEquals(wellFormed, Utf8.decode(ours));
    }

    @Property(tries = 300)
    void varUintAndVarIntRoundTrip(@ForAll @LongRange(min = -9007199254740991L, max = 9007199254740991L) long n)
            throws DecodingException {
        Lib0Writer writer = new Lib0Writer();
        writer.writeVarUint53(Math.abs(n));
        writer.writeVarInt(n);
        writer.writeAny((double) n);
        Lib0Reader reader = new Lib0Reader(writer.toByteArray());
        assertEquals(Math.abs(n), reader.readVarUint());
        assertEquals(n, reader.readVarInt());
        assertEquals((double) n, (Double) reader.readAny(), 0.0);
        assertEquals(0, reader.remaining());
    }

    @Property(tries = 1000)
    void float32ExactnessAgreesWithTheJvmCast(@ForAll double d, @ForAll float f) {
        assertEquals((double) (float) d == d, Lib0Writer.isExactFloat32(d), "double " + d);
        assertEquals(!Float.isNaN(f), Lib0Writer.isExactFloat32(f), "float " + f);
    }
}
