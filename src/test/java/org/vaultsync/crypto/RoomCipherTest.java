package org.vaultsync.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;
import org.vaultsync.crdt.Hex;

class RoomCipherTest {
    private static final String ROOM = "vault-sync/ABCDEF";

    private static RoomKey key(String password) {
        return JvmKeys.derive(password, ROOM);
    }

    /** Collects a synchronous result (the JVM implementation completes before returning). */
    record Sync<T>(AtomicReference<T> value, AtomicReference<CryptoException> error) implements CryptoCallback<T> {
        static <T> Sync<T> of(AtomicReference<T> value) {
            return new Sync<>(value, new AtomicReference<>());
        }

        @Override
        public void succeeded(T result) {
            value.set(result);
        }

        @Override
        public void failed(CryptoException failure) {
            error.set(failure);
        }
    }

    @Test
    void yWebrtcCryptoVectorsPassOnTheJvm() {
        AtomicReference<List<String>> failures = new AtomicReference<>();
        new CryptoVectorCheck(new JvmKeyDerivation()).run(failures::set);
        assertEquals(List.of(), failures.get());
    }

    @Test
    void pbkdf2MatchesTheVectorsRawKey() throws Exception {
        byte[] raw = JvmKeyDerivation.pbkdf2Sha256("test-password".getBytes(StandardCharsets.UTF_8),
                "room-1".getBytes(StandardCharsets.UTF_8), KeyDerivation.PBKDF2_ITERATIONS);
        assertEquals("e114845aa1ba37eadc358338b55b0f3336445f6321bc471a91c67e31f7941c09", Hex.of(raw));
    }

    @Test
    void everyMessageGetsAFreshIvSoEqualMessagesLookDifferent() {
        RoomCipher cipher = new RoomCipher(key("secret"), new SecureRandomBytes());
        AtomicReference<byte[]> first = new AtomicReference<>();
        AtomicReference<byte[]> second = new AtomicReference<>();
        cipher.encrypt(new byte[] {0, 0, 0}, Sync.of(first));
        cipher.encrypt(new byte[] {0, 0, 0}, Sync.of(second));
        assertNotEquals(Hex.of(first.get()), Hex.of(second.get()));
        assertEquals("074145532d47434d0c", Hex.of(first.get()).substring(0, 18), "varString(AES-GCM), varUint(12)");
    }

    @Test
    void payloadRoundTripsThroughBase64WithPadding() {
        RoomCipher cipher = new RoomCipher(key("secret"), new SecureRandomBytes());
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("to", "b");
        signal.put("from", "a");
        signal.put("type", "signal");
        signal.put("token", 1795539899669.2668);
        signal.put("signal", Map.of("type", "offer", "sdp", "v=0\r\n"));
        AtomicReference<String> data = new AtomicReference<>();
        cipher.encryptPayload(signal, Sync.of(data));
        assertTrue(data.get().length() % 4 == 0, "padded base64");
        assertTrue(!data.get().contains("offer") && !data.get().contains("v=0"));
        AtomicReference<Object> back = new AtomicReference<>();
        cipher.decryptPayload(data.get(), Sync.of(back));
        assertEquals(signal, back.get());
    }

    @Test
    void anotherPasswordFailsAsNotAuthenticAndJunkAsMalformed() {
        RoomCipher ours = new RoomCipher(key("right"), new SecureRandomBytes());
        RoomCipher theirs = new RoomCipher(key("wrong"), new SecureRandomBytes());
        AtomicReference<byte[]> frame = new AtomicReference<>();
        theirs.encrypt(new byte[] {1, 2, 3}, Sync.of(frame));

        Sync<byte[]> result = Sync.of(new AtomicReference<>());
        ours.decrypt(frame.get(), result);
        assertEquals(CryptoException.Kind.NOT_AUTHENTIC, result.error().get().kind());

        for (byte[] junk : new byte[][] {{}, {0, 0, 0}, Hex.parse("074145532d47434d0c01"),
                Hex.parse("074145532d47434e0c0102030405060708090a0b0c1000000000000000000000000000000000"),
                Hex.parse("074145532d47434d0b0102030405060708090a0b1000000000000000000000000000000000")}) {
            Sync<byte[]> junkResult = Sync.of(new AtomicReference<>());
            ours.decrypt(junk, junkResult);
            assertEquals(CryptoException.Kind.MALFORMED, junkResult.error().get().kind(), Hex.of(junk));
        }
        Sync<Object> notBase64 = Sync.of(new AtomicReference<>());
        ours.decryptPayload("not base64 at all!", notBase64);
        assertEquals(CryptoException.Kind.MALFORMED, notBase64.error().get().kind());
    }

    @Test
    void aFlippedCiphertextBitIsNotAuthentic() {
        RoomCipher cipher = new RoomCipher(key("secret"), new SecureRandomBytes());
        AtomicReference<byte[]> frame = new AtomicReference<>();
        cipher.encrypt("item data".getBytes(StandardCharsets.UTF_8), Sync.of(frame));
        byte[] tampered = frame.get().clone();
        tampered[tampered.length - 20] ^= 1;
        Sync<byte[]> result = Sync.of(new AtomicReference<>());
        cipher.decrypt(tampered, result);
        assertEquals(CryptoException.Kind.NOT_AUTHENTIC, result.error().get().kind());
    }

    @Test
    void anEmptyPasswordIsRefusedNotTreatedAsNoPassword() {
        assertThrows(IllegalArgumentException.class, () -> key(""));
        assertThrows(IllegalArgumentException.class,
                () -> new JvmKeyDerivation().deriveRoomKey("x", "", Sync.of(new AtomicReference<>())));
    }

    @Test
    void theKeyNamesItsRoomButNeverShowsItsBytes() {
        RoomKey key = key("secret");
        assertEquals(ROOM, key.roomName());
        assertEquals("room key for " + ROOM, key.toString());
    }
}
