package org.vaultsync.crypto;

/**
 * The AES-GCM-256 key of one password room, derived from the password with the room name as salt
 * ({@link KeyDerivation}). Opaque on purpose: the browser's implementation holds a non-extractable WebCrypto
 * {@code CryptoKey} that can be stored in IndexedDB and restored after a reload, so the password never has to be
 * kept; the raw key bytes are never available to our code.
 *
 * <p>Only the AES-GCM primitive lives here (no additional data, 128-bit tag appended to the ciphertext, as WebCrypto
 * does it); IVs, framing and encodings are shared code ({@link RoomCipher}). Callbacks follow
 * {@link CryptoCallback}'s rules.
 */
public interface RoomKey {
    /** The room name the key was derived for (the PBKDF2 salt): a key only opens the room it was made for. */
    String roomName();

    /** Encrypts {@code plaintext} with the 12-byte {@code iv}; the result is ciphertext followed by the 16-byte tag. */
    void seal(byte[] iv, byte[] plaintext, CryptoCallback<byte[]> done);

    /** Decrypts ciphertext-with-tag; fails with {@link CryptoException.Kind#NOT_AUTHENTIC} when the tag is wrong. */
    void open(byte[] iv, byte[] sealed, CryptoCallback<byte[]> done);
}
