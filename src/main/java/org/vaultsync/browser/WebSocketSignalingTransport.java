package org.vaultsync.browser;

import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.vaultsync.sync.mesh.SignalingConnection;
import org.vaultsync.sync.mesh.SignalingTransport;

/**
 * Signaling over the browser's {@code WebSocket}. With several signaling URLs each connection attempt takes the next
 * one, so a dead server costs one attempt, not the room.
 */
public final class WebSocketSignalingTransport implements SignalingTransport {
    private final List<String> urls;
    private int next;

    public WebSocketSignalingTransport(List<String> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one signaling URL");
        }
        this.urls = urls;
    }

    @JSFunctor
    interface TextHandler extends JSObject {
        void handle(String text);
    }

    /** A {@code WebSocket} with its handlers set. */
    interface Socket extends JSObject {
    }

    @Override
    public SignalingConnection connect(SignalingConnection.Listener listener) {
        String url = urls.get(next);
        next = (next + 1) % urls.size();
        return new Connection(url, listener);
    }

    private static final class Connection implements SignalingConnection {
        private final Socket socket;
        private boolean closed;

        Connection(String url, Listener listener) {
            socket = open(url,
                    ignored -> {
                        if (!closed) {
                            listener.onOpen();
                        }
                    },
                    text -> {
                        if (!closed) {
                            listener.onMessage(text);
                        }
                    },
                    reason -> {
                        if (!closed) {
                            closed = true;
                            listener.onClose(reason);
                        }
                    });
        }

        @Override
        public void send(String frame) {
            if (!closed) {
                sendText(socket, frame);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                closeSocket(socket);
            }
        }
    }

    /**
     * Opens the socket. A constructor that throws (bad URL, blocked by policy) is reported as a close on the next
     * tick, like any failed connection, so the state machine retries it.
     */
    @JSBody(params = {"url", "onOpen", "onText", "onClose"}, script = ""
            + "var ws;"
            + "try { ws = new WebSocket(url); } catch (error) {"
            + "  setTimeout(function() { onClose('Cannot open ' + url + ': ' + error.message); }, 0);"
            + "  return { send: function() {}, close: function() {} };"
            + "}"
            + "ws.onopen = function() { onOpen(''); };"
            + "ws.onmessage = function(event) { if (typeof event.data === 'string') onText(event.data); };"
            + "ws.onclose = function(event) { onClose(event.reason || ('Signaling connection closed (' + event.code + ')')); };"
            + "return ws;")
    private static native Socket open(String url, TextHandler onOpen, TextHandler onText, TextHandler onClose);

    @JSBody(params = {"socket", "text"}, script = "if (socket.readyState === 1) socket.send(text);")
    private static native void sendText(Socket socket, String text);

    @JSBody(params = "socket", script = ""
            + "socket.onopen = socket.onmessage = socket.onclose = null;"
            + "try { socket.close(); } catch (e) {}")
    private static native void closeSocket(Socket socket);
}
