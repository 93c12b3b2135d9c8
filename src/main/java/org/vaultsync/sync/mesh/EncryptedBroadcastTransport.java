package org.vaultsync.sync.mesh;

import java.util.function.Consumer;
import org.vaultsync.crypto.CryptoException;
import org.vaultsync.crypto.OrderedCompletions;
import org.vaultsync.crypto.RoomCipher;

/**
 * The BroadcastChannel of a password room: every message encrypted with the room key as raw frames (no base64), as
 * y-webrtc does (y-webrtc.md §5), so tabs of another password, or other scripts of the origin listening on the
 * channel name, read nothing. Order is kept per direction; what cannot be opened is dropped and reported.
 */
public final class EncryptedBroadcastTransport implements BroadcastTransport {
    private final BroadcastTransport inner;
    private final RoomCipher cipher;
    private final Consumer<CryptoException> onUnreadable;

    public EncryptedBroadcastTransport(BroadcastTransport inner, RoomCipher cipher,
                                       Consumer<CryptoException> onUnreadable) {
        this.inner = inner;
        this.cipher = cipher;
        this.onUnreadable = onUnreadable;
    }

    @Override
    public BroadcastPort open(String channelName, Consumer<byte[]> onMessage) {
        OrderedCompletions<byte[]> incoming = new OrderedCompletions<>(onMessage, onUnreadable);
        BroadcastPort port = inner.open(channelName, frame -> cipher.decrypt(frame, incoming.next()));
        OrderedCompletions<byte[]> outgoing = new OrderedCompletions<>(port::post,
                error -> { /* encryption itself failed: nothing to post; the periodic sync exchange repairs */ });
        return new BroadcastPort() {
            private boolean closed;

            @Override
            public void post(byte[] message) {
                if (!closed) {
                    cipher.encrypt(message, outgoing.next());
                }
            }

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                incoming.close();
                outgoing.whenIdle(port::close); // our last words (peer id removal) still go out first
            }
        };
    }
}
