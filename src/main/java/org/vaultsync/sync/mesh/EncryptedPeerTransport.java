package org.vaultsync.sync.mesh;

import java.util.Map;
import java.util.function.Consumer;
import org.vaultsync.crypto.CryptoException;
import org.vaultsync.crypto.OrderedCompletions;
import org.vaultsync.crypto.RoomCipher;

/**
 * Data channels of a password room, encrypted end to end with the room key (same frame as signaling and the
 * BroadcastChannel), in addition to WebRTC's DTLS. y-webrtc does not do this, so it is a room option (on by
 * default); a y-webrtc peer's plaintext messages fail here and its connection is closed.
 *
 * <p>Order: messages go out and come in through one {@link OrderedCompletions} per direction, so asynchronous
 * encryption never reorders a channel. A send is accepted while the channel is open and goes out when its encryption
 * completes; if the real send then fails, the connection is closed (reported through {@code onClose}), which makes
 * the sync layer repair the peer on the next connection, as a failed synchronous send would.
 */
public final class EncryptedPeerTransport implements PeerTransport {
    private final PeerTransport inner;
    private final RoomCipher cipher;
    private final Consumer<CryptoException> onUnreadable;

    /** @param onUnreadable told of every message a peer sent that the room key cannot open */
    public EncryptedPeerTransport(PeerTransport inner, RoomCipher cipher, Consumer<CryptoException> onUnreadable) {
        this.inner = inner;
        this.cipher = cipher;
        this.onUnreadable = onUnreadable;
    }

    @Override
    public void prepare() {
        inner.prepare();
    }

    @Override
    public PeerConnection create(boolean initiator, PeerConnection.Listener listener) {
        EncryptedConnection connection = new EncryptedConnection(listener);
        connection.inner = inner.create(initiator, connection);
        return connection;
    }

    private final class EncryptedConnection implements PeerConnection, PeerConnection.Listener {
        private final PeerConnection.Listener listener;
        private final OrderedCompletions<byte[]> outgoing;
        private final OrderedCompletions<byte[]> incoming;
        PeerConnection inner;
        private boolean open;
        private boolean closed;

        EncryptedConnection(PeerConnection.Listener listener) {
            this.listener = listener;
            this.outgoing = new OrderedCompletions<>(frame -> {
                if (!inner.send(frame)) {
                    fail("Encrypted message could not be sent");
                }
            }, error -> fail("Could not encrypt a message: " + error.getMessage()));
            this.incoming = new OrderedCompletions<>(plaintext -> {
                if (!closed) {
                    listener.onData(plaintext);
                }
            }, error -> {
                onUnreadable.accept(error);
                fail("Peer sent a message not encrypted with the room key");
            });
        }

        @Override
        public void signal(Map<String, Object> signal) {
            inner.signal(signal);
        }

        @Override
        public boolean send(byte[] message) {
            if (closed || !open) {
                return false;
            }
            cipher.encrypt(message, outgoing.next());
            return true;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            incoming.close();
            // what was sent before the close (e.g. our awareness removal on leave) still goes out, then the channel closes
            outgoing.whenIdle(inner::close);
        }

        @Override
        public void onSignal(Map<String, Object> signal) {
            if (!closed) {
                listener.onSignal(signal);
            }
        }

        @Override
        public void onConnect() {
            if (!closed) {
                open = true;
                listener.onConnect();
            }
        }

        @Override
        public void onData(byte[] frame) {
            if (!closed) {
                cipher.decrypt(frame, incoming.next());
            }
        }

        @Override
        public void onClose(String reason) {
            if (closed) {
                return;
            }
            closed = true;
            incoming.close();
            outgoing.close();
            listener.onClose(reason);
        }

        private void fail(String reason) {
            if (closed) {
                return;
            }
            closed = true;
            incoming.close();
            outgoing.close();
            inner.close();
            listener.onClose(reason);
        }
    }
}
