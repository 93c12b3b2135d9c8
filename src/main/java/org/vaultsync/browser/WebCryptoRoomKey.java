package org.vaultsync.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;
import org.vaultsync.crypto.CryptoCallback;
import org.vaultsync.crypto.CryptoException;
import org.vaultsync.crypto.RoomKey;

/**
 * A {@link RoomKey} held by WebCrypto as a non-extractable {@link CryptoKey}. Every operation completes later, when
 * WebCrypto's promise settles, on the page's thread.
 *
 * <p>Persisting across reloads: store {@link #cryptoKey()} together with {@link #roomName()} in IndexedDB (a
 * {@code CryptoKey} is structured-cloneable; it stays non-extractable there), and after a reload rebuild the key
 * with {@link #restore}. The password itself is never stored.
 */
public final class WebCryptoRoomKey implements RoomKey {
    private final String roomName;
    private final CryptoKey key;

    private WebCryptoRoomKey(String roomName, CryptoKey key) {
        this.roomName = roomName;
        this.key = key;
    }

    /** Wraps a key derived by {@link WebCryptoKeyDerivation}. */
    static WebCryptoRoomKey derived(String roomName, CryptoKey key) {
        return new WebCryptoRoomKey(roomName, key);
    }

    /**
     * Rebuilds a room key from a {@code CryptoKey} read back from IndexedDB.
     *
     * @throws IllegalArgumentException if {@code key} is not a non-extractable AES-GCM secret key usable for
     *                                  encryption and decryption, or the room name is empty
     */
    public static WebCryptoRoomKey restore(String roomName, CryptoKey key) {
        if (roomName == null || roomName.isEmpty()) {
            throw new IllegalArgumentException("A restored room key needs its room name");
        }
        if (key == null || !isAesGcmRoomKey(key)) {
            throw new IllegalArgumentException("Not a room key: expected a non-extractable AES-GCM key "
                    + "for encrypt and decrypt");
        }
        return new WebCryptoRoomKey(roomName, key);
    }

    /** The WebCrypto key, to store in IndexedDB (never its bytes: it is non-extractable). */
    public CryptoKey cryptoKey() {
        return key;
    }

    @Override
    public String roomName() {
        return roomName;
    }

    @Override
    public void seal(byte[] iv, byte[] plaintext, CryptoCallback<byte[]> done) {
        run("encrypt", iv, plaintext, done);
    }

    @Override
    public void open(byte[] iv, byte[] sealed, CryptoCallback<byte[]> done) {
        run("decrypt", iv, sealed, done);
    }

    /** One path (one pair of callbacks in the client) for both directions; only the failures differ. */
    private void run(String operation, byte[] iv, byte[] input, CryptoCallback<byte[]> done) {
        aesGcm(operation, key, Int8Array.fromJavaArray(iv), Int8Array.fromJavaArray(input),
                result -> done.succeeded(Int8Array.create(result).toJavaArray()),
                name -> done.failed(failure(operation, name)));
    }

    private static CryptoException failure(String operation, String name) {
        if (operation.equals("encrypt")) {
            return new CryptoException(CryptoException.Kind.UNAVAILABLE, "AES-GCM failed: " + name);
        }
        // WebCrypto reports a tag that does not verify as OperationError
        return "OperationError".equals(name)
                ? new CryptoException(CryptoException.Kind.NOT_AUTHENTIC, "Message not encrypted with this room's key")
                : new CryptoException(CryptoException.Kind.MALFORMED, "AES-GCM failed: " + name);
    }

    @Override
    public String toString() {
        return "room key for " + roomName;
    }

    @JSFunctor
    interface BufferResult extends JSObject {
        void accept(ArrayBuffer result);
    }

    @JSFunctor
    interface Failure extends JSObject {
        void accept(String errorName);
    }

    // WebCrypto copies its inputs when called, so passing views that alias our Java arrays is safe.
    @JSBody(params = {"operation", "key", "iv", "data", "ok", "fail"}, script = ""
            + "try { crypto.subtle[operation]({name: 'AES-GCM', iv: iv}, key, data).then("
            + "function(result) { ok(result); }, function(error) { fail(String(error && error.name || error)); }); }"
            + " catch (error) { fail(String(error && error.name || error)); }")
    private static native void aesGcm(String operation, CryptoKey key, Int8Array iv, Int8Array data, BufferResult ok,
                                      Failure fail);

    @JSBody(params = "key", script = "return !!key && key.type === 'secret' && key.extractable === false"
            + " && !!key.algorithm && key.algorithm.name === 'AES-GCM' && key.algorithm.length === 256"
            + " && key.usages.indexOf('encrypt') >= 0 && key.usages.indexOf('decrypt') >= 0;")
    private static native boolean isAesGcmRoomKey(CryptoKey key);
}
