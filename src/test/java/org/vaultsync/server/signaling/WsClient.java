package org.vaultsync.server.signaling;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test client on the JDK's WebSocket: collects every text message and the close code the server sends. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    /** Messages seen; a counting client does not keep them (for floods). */
    final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
    private final boolean keep;
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    volatile String closeReason;
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private WsClient(URI uri, boolean keep) throws Exception {
        this.keep = keep;
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, this)
                .get(10, TimeUnit.SECONDS);
    }

    static WsClient connect(URI uri) throws Exception {
        return new WsClient(uri, true);
    }

    static WsClient connectCounting(URI uri) throws Exception {
        return new WsClient(uri, false);
    }

    WsClient send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        return this;
    }

    WsClient subscribe(String... topics) throws Exception {
        StringBuilder json = new StringBuilder("{\"type\":\"subscribe\",\"topics\":[");
        for (int i = 0; i < topics.length; i++) {
            json.append(i > 0 ? "," : "").append('"').append(topics[i]).append('"');
        }
        return send(json.append("]}").toString());
    }

    /** Subscribes and waits until the server has processed it (a ping is answered after the subscribe). */
    WsClient subscribeAndWait(String... topics) throws Exception {
        subscribe(topics);
        return roundTrip();
    }

    WsClient roundTrip() throws Exception {
        send("{\"type\":\"ping\"}");
        String reply = next();
        if (!"{\"type\":\"pong\"}".equals(reply)) {
            throw new AssertionError("Expected pong, got " + reply);
        }
        return this;
    }

    /** The next message, or an AssertionError after 10 s. */
    String next() throws InterruptedException {
        String message = received.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("No message within 10 s");
        }
        return message;
    }

    /** The next message within {@code millis}, or null. */
    String poll(long millis) throws InterruptedException {
        return received.poll(millis, TimeUnit.MILLISECONDS);
    }

    int awaitClose() throws Exception {
        return closeCode.get(15, TimeUnit.SECONDS);
    }

    boolean isClosed() {
        return closeCode.isDone() || socket.isInputClosed();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!keep) {
            if (last) {
                count.incrementAndGet();
            }
            return null;
        }
        partial.append(data);
        if (last) {
            count.incrementAndGet();
            received.add(partial.toString());
            partial.setLength(0);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeReason = reason;
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.complete(-1);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // already closing or closed by the server
            }
        }
        socket.abort();
    }
}
