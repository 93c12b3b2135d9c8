package org.vaultsync.browser;

import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.vaultsync.sync.mesh.SignalingConnection;
import org.vaultsync.sync.mesh.SignalingTransport;

/**
 * Signaling over the browser's {@code WebSocket}. With several signaling URLs each connection attempt takes the next
 * one, so a dead server costs one attempt, not the room. It may start without its URLs ({@link #awaitingUrls()}):
 * connections asked for meanwhile wait, unopened, until {@link #configure} names them.
 */
public final class WebSocketSignalingTransport implements SignalingTransport {
    /** Null until configured. */
    private List<String> urls;
    private int next;
    /** Connections asked for before the URLs were known: their sockets start when they are. */
    private final List<Socket> waiting = new ArrayList<>();

    public WebSocketSignalingTransport(List<String> urls) {
        configure(urls);
    }

    private WebSocketSignalingTransport() {
    }

    /** A transport whose URLs come later (the server's client configuration is on its way). */
    public static WebSocketSignalingTransport awaitingUrls() {
        return new WebSocketSignalingTransport();
    }

    /** Sets the URLs (once or again: the next attempts take them) and starts the connections that waited for them. */
    public void configure(List<String> signalingUrls) {
        if (signalingUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one signaling URL");
        }
        urls = signalingUrls;
        next = 0;
        for (Socket held : waiting) {
            start(held, nextUrl());
        }
        waiting.clear();
    }

    @JSFunctor
    interface TextHandler extends JSObject {
        void handle(String text);
    }

    /**
     * A {@code WebSocket} and what happened to it before a {@link Connection} took it: a socket opened by
     * {@link #preconnect()} may open, or even close, before the room that wants it is set up.
     */
    interface Socket extends JSObject {
    }

    /** A socket opened ahead of the next {@link #connect}, or null. */
    private Socket early;

    /**
     * Starts the next connection now: a room being joined builds its document, awareness and mesh first, and the
     * socket's handshake runs meanwhile (it took a page 10–15 ms from joining to creating the socket, y-webrtc 2–4).
     */
    @Override
    public void preconnect() {
        if (urls != null && (early == null || isClosed(early))) {
            early = open(nextUrl());
        }
    }

    @Override
    public SignalingConnection connect(SignalingConnection.Listener listener) {
        if (urls == null) {
            Socket held = unstarted();
            waiting.add(held);
            return new Connection(held, listener);
        }
        Socket socket = early != null && !isClosed(early) ? early : open(nextUrl());
        early = null;
        return new Connection(socket, listener);
    }

    private static Socket open(String url) {
        Socket held = unstarted();
        start(held, url);
        return held;
    }

    private String nextUrl() {
        String url = urls.get(next);
        next = (next + 1) % urls.size();
        return url;
    }

    private static final class Connection implements SignalingConnection {
        private final Socket socket;
        private boolean closed;

        Connection(Socket socket, Listener listener) {
            this.socket = socket;
            attach(socket,
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

    /** A socket's holder, its socket not started yet. */
    @JSBody(script = "return {socket: null, abandoned: false, opened: false, texts: [], closedWith: null,"
            + " onOpen: null, onText: null, onClose: null};")
    private static native Socket unstarted();

    /**
     * Opens the holder's socket (not if its connection was closed meanwhile); until handlers are attached, its open,
     * texts and close are kept. A constructor that throws (bad URL, blocked by policy) is kept as a close, reported
     * like any failed connection, so the state machine retries it.
     */
    @JSBody(params = {"held", "url"}, script = ""
            + "if (held.abandoned) return;"
            + "try { held.socket = new WebSocket(url); } catch (error) {"
            + "  var message = 'Cannot open ' + url + ': ' + error.message;"
            + "  if (held.onClose) held.onClose(message); else held.closedWith = message;"
            + "  return;"
            + "}"
            + "held.socket.onopen = function() { if (held.onOpen) held.onOpen(''); else held.opened = true; };"
            + "held.socket.onmessage = function(event) {"
            + "  if (typeof event.data !== 'string') return;"
            + "  if (held.onText) held.onText(event.data); else held.texts.push(event.data);"
            + "};"
            + "held.socket.onclose = function(event) {"
            + "  var reason = event.reason || ('Signaling connection closed (' + event.code + ')');"
            + "  if (held.onClose) held.onClose(reason); else held.closedWith = reason;"
            + "};")
    private static native void start(Socket held, String url);

    /**
     * Hands the socket's events to the connection; what happened before is replayed in order in a microtask (so
     * never inside {@link #connect}, and before any later event of the socket).
     */
    @JSBody(params = {"held", "onOpen", "onText", "onClose"}, script = ""
            + "held.onOpen = onOpen; held.onText = onText; held.onClose = onClose;"
            + "var opened = held.opened, texts = held.texts, closedWith = held.closedWith;"
            + "held.opened = false; held.texts = []; held.closedWith = null;"
            + "if (opened || texts.length > 0 || closedWith !== null) Promise.resolve().then(function() {"
            + "  if (opened) onOpen('');"
            + "  for (var index = 0; index < texts.length; index++) onText(texts[index]);"
            + "  if (closedWith !== null) onClose(closedWith);"
            + "});")
    private static native void attach(Socket held, TextHandler onOpen, TextHandler onText, TextHandler onClose);

    /** Closed or closing before anyone took it (a preconnected socket may be refused): not worth taking. */
    @JSBody(params = "held", script = "return held.closedWith !== null || held.socket === null || held.socket.readyState > 1;")
    private static native boolean isClosed(Socket held);

    @JSBody(params = {"held", "text"}, script = "if (held.socket !== null && held.socket.readyState === 1) held.socket.send(text);")
    private static native void sendText(Socket held, String text);

    @JSBody(params = "held", script = ""
            + "held.onOpen = held.onText = held.onClose = function() {};"
            + "held.abandoned = true;"
            + "if (held.socket === null) return;"
            + "held.socket.onopen = held.socket.onmessage = held.socket.onclose = null;"
            + "try { held.socket.close(); } catch (ignored) {}")
    private static native void closeSocket(Socket held);
}
