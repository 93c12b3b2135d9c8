package org.vaultsync.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.vaultsync.crdt.encoding.Utf8;

/**
 * {@link KeyDerivation} with {@code javax.crypto}, for the JVM (tests, harness, tools); never reached from the browser
 * client. PBKDF2 is written out over {@code HmacSHA256} rather than taken from {@code PBKDF2WithHmacSHA256} because
 * the latter reads the password as {@code char[]}, and we want the password's bytes to be exactly what a browser's
 * {@code TextEncoder} makes of it (lone surrogates become U+FFFD) through our own {@link Utf8}. Completes
 * synchronously: the callback runs before this method returns (about 50-100 ms of CPU for 100,000 iterations).
 */
public final class JvmKeyDerivation implements KeyDerivation {
    @Override
    public void deriveRoomKey(String password, String roomName, CryptoCallback<RoomKey> done) {
        KeyDerivation.checkInput(password, roomName);
        byte[] raw;
        try {
            raw = pbkdf2Sha256(Utf8.encode(password), Utf8.encode(roomName), PBKDF2_ITERATIONS);
        } catch (GeneralSecurityException e) {
            done.failed(new CryptoException(CryptoException.Kind.UNAVAILABLE, "PBKDF2 failed: " + e.getMessage(), e));
            return;
        }
        RoomKey key = new JvmRoomKey(roomName, raw);
        Arrays.fill(raw, (byte) 0);
        done.succeeded(key);
    }

    /** RFC 8018 PBKDF2 with HMAC-SHA-256, one 32-byte block (the key length equals the hash length). */
    static byte[] pbkdf2Sha256(byte[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(password, "HmacSHA256"));
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return result;
    }
}
