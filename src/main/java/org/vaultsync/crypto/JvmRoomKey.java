package org.vaultsync.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link RoomKey} held by {@code javax.crypto} (JVM only). The key bytes stay inside; there is no getter. Every
 * operation completes synchronously, before the method returns, on the caller's thread.
 */
public final class JvmRoomKey implements RoomKey {
    private final String roomName;
    private final SecretKeySpec key;

    /** From raw key bytes: for the conformance vectors and for {@link JvmKeyDerivation}. */
    public JvmRoomKey(String roomName, byte[] rawKey) {
        if (rawKey == null || rawKey.length != KeyDerivation.KEY_BITS / 8) {
            throw new IllegalArgumentException("An AES-256 key has 32 bytes");
        }
        this.roomName = roomName;
        this.key = new SecretKeySpec(rawKey.clone(), "AES");
    }

    @Override
    public String roomName() {
        return roomName;
    }

    @Override
    public void seal(byte[] iv, byte[] plaintext, CryptoCallback<byte[]> done) {
        byte[] sealed;
        try {
            sealed = cipher(Cipher.ENCRYPT_MODE, iv).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            done.failed(new CryptoException(CryptoException.Kind.UNAVAILABLE, "AES-GCM failed: " + e.getMessage(), e));
            return;
        }
        done.succeeded(sealed);
    }

    @Override
    public void open(byte[] iv, byte[] sealed, CryptoCallback<byte[]> done) {
        byte[] plaintext;
        try {
            plaintext = cipher(Cipher.DECRYPT_MODE, iv).doFinal(sealed);
        } catch (AEADBadTagException e) {
            done.failed(new CryptoException(CryptoException.Kind.NOT_AUTHENTIC,
                    "Message not encrypted with this room's key", e));
            return;
        } catch (GeneralSecurityException e) {
            done.failed(new CryptoException(CryptoException.Kind.MALFORMED, "AES-GCM failed: " + e.getMessage(), e));
            return;
        }
        done.succeeded(plaintext);
    }

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(EncryptedFrame.TAG_BYTES * 8, iv));
        return cipher;
    }

    @Override
    public String toString() {
        return "room key for " + roomName; // never the key
    }
}
