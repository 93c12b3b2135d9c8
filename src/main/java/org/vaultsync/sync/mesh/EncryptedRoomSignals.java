package org.vaultsync.sync.mesh;

import java.util.function.Consumer;
import org.vaultsync.crypto.CryptoException;
import org.vaultsync.crypto.OrderedCompletions;
import org.vaultsync.crypto.RoomCipher;

/**
 * The signaling payloads ({@code publish.data}) of a password room: what we publish is encrypted into a base64
 * string; what arrives as a string is decrypted, in arrival order, before the mesh sees it. Following y-webrtc, a
 * non-string {@code data} is never taken for a room message in a password room; it goes to
 * {@link Listener#onPlaintext} (where our password-mismatch notice is recognised and everything else dropped).
 */
public final class EncryptedRoomSignals {
    public interface Listener {
        /** A decrypted payload (the plaintext announce or signal object). */
        void onPayload(Object data);

        /** A string payload that the room key cannot open (NOT_AUTHENTIC) or that is no frame at all (MALFORMED). */
        void onUnreadable(CryptoException error);

        /** A non-string payload: never a room message in a password room. */
        void onPlaintext(Object data);
    }

    private final RoomCipher cipher;
    private final Listener listener;
    private final OrderedCompletions<Object> incoming;

    public EncryptedRoomSignals(RoomCipher cipher, Listener listener) {
        this.cipher = cipher;
        this.listener = listener;
        this.incoming = new OrderedCompletions<>(listener::onPayload, listener::onUnreadable);
    }

    /** A publisher that encrypts, in call order, and hands the base64 string to {@code send}. */
    public RoomMesh.Publisher publisher(Consumer<String> send) {
        OrderedCompletions<String> outgoing = new OrderedCompletions<>(send, error -> {
            // encryption itself failed (platform problem): the payload is not sent; announce/negotiation retry
        });
        return data -> cipher.encryptPayload(data, outgoing.next());
    }

    public void receive(Object data) {
        if (data instanceof String encrypted) {
            cipher.decryptPayload(encrypted, incoming.next());
        } else {
            listener.onPlaintext(data);
        }
    }

    /** Drops decryptions still in flight (the room is left). */
    public void close() {
        incoming.close();
    }
}
