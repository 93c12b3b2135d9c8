package org.vaultsync.crypto;

import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;

/**
 * y-webrtc's encrypted message layout (crypto.js, y-webrtc.md §6): {@code varString("AES-GCM")},
 * {@code varUint8Array(iv)}, {@code varUint8Array(ciphertext || tag)}. Stricter than y-webrtc on input: another
 * algorithm name, an IV that is not 12 bytes, a body shorter than a tag or trailing bytes are rejected as malformed
 * (y-webrtc would only fail later, on the tag).
 */
public record EncryptedFrame(byte[] iv, byte[] sealed) {
    public static final String ALGORITHM = "AES-GCM";
    public static final int IV_BYTES = 12;
    public static final int TAG_BYTES = 16;

    public byte[] encode() {
        Lib0Writer writer = new Lib0Writer(ALGORITHM.length() + iv.length + sealed.length + 8);
        writer.writeVarString(ALGORITHM);
        writer.writeVarBytes(iv);
        writer.writeVarBytes(sealed);
        return writer.toByteArray();
    }

    public static EncryptedFrame decode(byte[] frame) throws CryptoException {
        try {
            Lib0Reader reader = new Lib0Reader(frame);
            String algorithm = reader.readVarString();
            if (!ALGORITHM.equals(algorithm)) {
                throw new CryptoException(CryptoException.Kind.MALFORMED, "Not an AES-GCM frame: " + algorithm);
            }
            byte[] iv = reader.readVarBytes();
            byte[] sealed = reader.readVarBytes();
            if (iv.length != IV_BYTES) {
                throw new CryptoException(CryptoException.Kind.MALFORMED, "IV of " + iv.length + " bytes, not 12");
            }
            if (sealed.length < TAG_BYTES) {
                throw new CryptoException(CryptoException.Kind.MALFORMED, "Encrypted body shorter than its tag");
            }
            if (reader.hasContent()) {
                throw new CryptoException(CryptoException.Kind.MALFORMED, "Trailing bytes after the encrypted body");
            }
            return new EncryptedFrame(iv, sealed);
        } catch (DecodingException e) {
            throw new CryptoException(CryptoException.Kind.MALFORMED, "Not an encrypted frame: " + e.getMessage(), e);
        }
    }
}
