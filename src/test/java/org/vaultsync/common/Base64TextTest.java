package org.vaultsync.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64TextTest {
    @Test
    void encodesAndDecodesEveryLengthAsTheJvmDoes() {
        Random random = new Random(15);
        for (int length = 0; length < 200; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String jvm = Base64.getEncoder().encodeToString(bytes);
            assertEquals(jvm, Base64Text.encode(bytes));
            assertArrayEquals(bytes, Base64Text.decode(jvm));
            String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes);
            assertArrayEquals(bytes, Base64Text.decode(unpadded), "padding is optional, as for the JVM decoder");
        }
    }

    @Test
    void rejectsWhatTheJvmDecoderRejects() {
        for (String bad : new String[] {"not base64 at all!", "QUJD\nREVG", "QUJDR", "QU=D", "-_-_", "QUJ=RA=="}) {
            assertThrows(IllegalArgumentException.class, () -> Base64.getDecoder().decode(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Base64Text.decode(bad), bad);
        }
    }
}
