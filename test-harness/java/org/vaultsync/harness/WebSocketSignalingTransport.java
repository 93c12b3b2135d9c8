package org.vaultsync.harness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.vaultsync.sync.mesh.SignalingConnection;
import org.vaultsync.sync.mesh.SignalingTransport;

/** The signaling side over a real WebSocket (JDK client), with every callback posted to the {@link EventLoop}. */
final class WebSocketSignalingTransport implements SignalingTransport {
    private final URI uri;
    private final EventLoop loop;
    private final HttpClient client = HttpClient.newHttpClient();

    WebSocketSignalingTransport(URI uri, EventLoop loop) {
        this.uri = uri;
        this.loop = loop;
    }

    @Override
    public SignalingConnection connect(SignalingConnection.Listener listener) {
        Connection connection = new Connection(listener);
        client.newWebSocketBuilder().buildAsync(uri, connection).whenComplete((ws, error) -> {
            if (error != null) {
                loop.post(() -> connection.closedRemotely("Signaling server unreachable: " + error.getMessage()));
            }
        });
        return connection;
    }

    private final class Connection implements SignalingConnection, WebSocket.Listener {
        private final SignalingConnection.Listener listener;
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;
        private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);
        private boolean closed;

        Connection(SignalingConnection.Listener listener) {
            this.listener = listener;
        }

        @Override
        public void send(String frame) {
            if (closed || socket == null) {
                return;
            }
            synchronized (this) {
                sending = sending.thenCompose(ignored -> socket.sendText(frame, true));
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (socket != null) {
                socket.abort();
            }
        }

        void closedRemotely(String reason) {
            if (!closed) {
                closed = true;
                listener.onClose(reason);
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
            loop.post(() -> {
                socket = webSocket;
                if (!closed) {
                    listener.onOpen();
                } else {
                    webSocket.abort();
                }
            });
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                loop.post(() -> {
                    if (!closed) {
                        listener.onMessage(frame);
                    }
                });
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            loop.post(() -> closedRemotely("Signaling connection closed (" + statusCode + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            loop.post(() -> closedRemotely("Signaling connection failed: " + error.getMessage()));
        }
    }
}
