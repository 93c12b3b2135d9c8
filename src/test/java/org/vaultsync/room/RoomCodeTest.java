package org.vaultsync.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultsync.common.SecureRandomBytes;

class RoomCodeTest {
    @ParameterizedTest
    @CsvSource({"ABCDEF,ABC-DEF", "abcdef,ABC-DEF", "ABC-DEF,ABC-DEF", "ABC,ABC", "AB,AB", "abcd,ABC-D"})
    void formatsPartialAndCompleteInput(String input, String shown) {
        assertEquals(shown, RoomCode.format(input));
    }

    @ParameterizedTest
    @CsvSource({"ABC-DEF,ABCDEF", "abcdef,ABCDEF", "ABC DEF,ABCDEF", "ABC!@#DEF,ABCDEF", "'  Ab C  ',ABC"})
    void normalisingKeepsOnlyAsciiLettersAndDigitsUpperCased(String input, String normalised) {
        assertEquals(normalised, RoomCode.normalise(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABCDEF", "ABC234", "XY5678", "ABC-DEF", "abcdef"})
    void acceptsValidCodes(String input) {
        assertTrue(RoomCode.isValid(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABCDE", "ABC", "", "ABCIOO", "ABC011", "ABCDEFGHI", "ABCDEFG"})
    void rejectsInvalidCodes(String input) {
        assertFalse(RoomCode.isValid(input));
    }

    @Test
    void joiningWithLowercaseCodeNormalises() throws InvalidRoomCodeException {
        assertEquals("ABCDEF", RoomCode.parse("abc-def").value());
        assertEquals("ABC-DEF", RoomCode.parse(" abc def ").display());
    }

    @Test
    void tooLongInputIsAnErrorNotTruncated() {
        InvalidRoomCodeException error = assertThrows(InvalidRoomCodeException.class, () -> RoomCode.parse("ABCDEFGHI"));
        assertEquals("Room code must be 6 characters", error.getMessage());
    }

    @Test
    void lookAlikeCharactersAreExplained() {
        InvalidRoomCodeException error = assertThrows(InvalidRoomCodeException.class, () -> RoomCode.parse("ABC011"));
        assertEquals("Room code contains invalid characters (I, O, 0 and 1 are not used)", error.getMessage());
    }

    @Test
    void nullInputIsInvalidNotACrash() {
        assertFalse(RoomCode.isValid(null));
    }

    @Test
    void generatedCodesUseOnlyTheAlphabetAndAreDistinct() throws InvalidRoomCodeException {
        SecureRandomBytes random = new SecureRandomBytes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String code = RoomCode.generate(random).value();
            assertEquals(6, code.length());
            assertEquals(code, RoomCode.parse(code).value());
            assertFalse(code.matches(".*[IO01a-z].*"), code);
            seen.add(code);
        }
        assertEquals(100, seen.size());
    }

    @Test
    void everyByteValueMapsToTheAlphabetUniformly() {
        int[] counts = new int[RoomCode.ALPHABET.length()];
        for (int b = 0; b < 256; b++) {
            byte value = (byte) b;
            String code = RoomCode.generate(target -> java.util.Arrays.fill(target, value)).value();
            counts[RoomCode.ALPHABET.indexOf(code.charAt(0))]++;
        }
        for (int count : counts) {
            assertEquals(8, count);
        }
    }
}
