package org.vaultsync.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.Int8Array;
import org.vaultsync.crdt.encoding.Utf8;
import org.vaultsync.crypto.CryptoCallback;
import org.vaultsync.crypto.CryptoException;
import org.vaultsync.crypto.KeyDerivation;
import org.vaultsync.crypto.RoomKey;

/**
 * {@link KeyDerivation} with WebCrypto: PBKDF2-SHA-256 (100,000 iterations, salt = UTF-8 room name) into a
 * <b>non-extractable</b> AES-GCM-256 key for encrypt/decrypt. y-webrtc derives an extractable key; the bytes of
 * the key are the same (the crypto.json vectors prove it), only script can no longer read them. Needs a secure
 * context (https or localhost), otherwise it fails with {@link CryptoException.Kind#UNAVAILABLE}.
 */
public final class WebCryptoKeyDerivation implements KeyDerivation {
    @Override
    public void deriveRoomKey(String password, String roomName, CryptoCallback<RoomKey> done) {
        KeyDerivation.checkInput(password, roomName);
        derive(Int8Array.fromJavaArray(Utf8.encode(password)), Int8Array.fromJavaArray(Utf8.encode(roomName)),
                PBKDF2_ITERATIONS, key -> done.succeeded(WebCryptoRoomKey.derived(roomName, key)),
                name -> done.failed(new CryptoException(CryptoException.Kind.UNAVAILABLE,
                        "Cannot derive the room key: " + name)));
    }

    @JSFunctor
    interface KeyResult extends JSObject {
        void accept(CryptoKey key);
    }

    @JSBody(params = {"password", "salt", "iterations", "ok", "fail"}, script = ""
            + "try { crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveKey']).then(function(base) {"
            + " return crypto.subtle.deriveKey({name: 'PBKDF2', salt: salt, iterations: iterations, hash: 'SHA-256'},"
            + " base, {name: 'AES-GCM', length: 256}, false, ['encrypt', 'decrypt']); }).then("
            + "function(k) { ok(k); }, function(error) { fail(String(error && error.name || error)); }); }"
            + " catch (error) { fail(String(error && error.name || error)); }")
    private static native void derive(Int8Array password, Int8Array salt, int iterations, KeyResult ok,
                                      WebCryptoRoomKey.Failure fail);
}
