package org.vaultsync.crypto;

import org.vaultsync.common.Base64Text;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.encoding.Lib0Reader;
import org.vaultsync.crdt.encoding.Lib0Writer;

/**
 * Encrypts and decrypts a password room's messages the way y-webrtc does (y-webrtc.md §6): a fresh random 12-byte IV
 * per message, AES-GCM with the room key, the {@link EncryptedFrame} layout. Binary messages (BroadcastChannel, data
 * channels) are framed as they are; signaling payloads are lib0 {@code writeAny} values, framed, then base64 with
 * padding, which is what travels in {@code publish.data}.
 *
 * <p>Everything is asynchronous (see {@link CryptoCallback}); nothing here keeps order between calls, that is
 * {@link OrderedCompletions}' job.
 */
public final class RoomCipher {
    private final RoomKey key;
    private final RandomBytes random;

    public RoomCipher(RoomKey key, RandomBytes random) {
        if (key == null || random == null) {
            throw new IllegalArgumentException("A room cipher needs a key and a secure random source");
        }
        this.key = key;
        this.random = random;
    }

    public RoomKey key() {
        return key;
    }

    /** Encrypts a binary message into a frame, with a fresh random IV. */
    public void encrypt(byte[] plaintext, CryptoCallback<byte[]> done) {
        byte[] iv = new byte[EncryptedFrame.IV_BYTES];
        random.fill(iv);
        encryptWithIv(plaintext, iv, done);
    }

    /** Encrypts with a given IV: only for reproducing the conformance vectors; never reuse an IV with one key. */
    public void encryptWithIv(byte[] plaintext, byte[] iv, CryptoCallback<byte[]> done) {
        key.seal(iv, plaintext, new CryptoCallback<byte[]>() {
            @Override
            public void succeeded(byte[] sealed) {
                done.succeeded(new EncryptedFrame(iv, sealed).encode());
            }

            @Override
            public void failed(CryptoException error) {
                done.failed(error);
            }
        });
    }

    /** Decrypts a frame; a malformed frame fails at once, a frame of another key fails as not authentic. */
    public void decrypt(byte[] frame, CryptoCallback<byte[]> done) {
        EncryptedFrame parsed;
        try {
            parsed = EncryptedFrame.decode(frame);
        } catch (CryptoException e) {
            done.failed(e);
            return;
        }
        key.open(parsed.iv(), parsed.sealed(), done);
    }

    /** A signaling payload (a JSON-like value: maps, lists, strings, numbers, ...) into {@code publish.data}. */
    public void encryptPayload(Object data, CryptoCallback<String> done) {
        Lib0Writer writer = new Lib0Writer();
        writer.writeAny(data);
        encrypt(writer.toByteArray(), new CryptoCallback<byte[]>() {
            @Override
            public void succeeded(byte[] frame) {
                done.succeeded(Base64Text.encode(frame));
            }

            @Override
            public void failed(CryptoException error) {
                done.failed(error);
            }
        });
    }

    /** The value inside an encrypted {@code publish.data} string (maps come back with numbers as doubles). */
    public void decryptPayload(String data, CryptoCallback<Object> done) {
        byte[] frame;
        try {
            frame = Base64Text.decode(data);
        } catch (RuntimeException e) {
            done.failed(new CryptoException(CryptoException.Kind.MALFORMED, "publish.data is not base64"));
            return;
        }
        decrypt(frame, new CryptoCallback<byte[]>() {
            @Override
            public void succeeded(byte[] plaintext) {
                Object value;
                try {
                    value = new Lib0Reader(plaintext).readAny();
                } catch (DecodingException e) {
                    done.failed(new CryptoException(CryptoException.Kind.MALFORMED,
                            "Decrypted payload is not a lib0 value: " + e.getMessage(), e));
                    return;
                }
                done.succeeded(value);
            }

            @Override
            public void failed(CryptoException error) {
                done.failed(error);
            }
        });
    }
}
