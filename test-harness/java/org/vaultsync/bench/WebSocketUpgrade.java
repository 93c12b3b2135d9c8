package org.vaultsync.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.vaultsync.common.RandomBytes;

/** The client's opening handshake (RFC 6455 section 4.1): a plain HTTP/1.1 upgrade, on a blocking channel. */
final class WebSocketUpgrade {
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int MAX_HEAD = 16 * 1024;

    private WebSocketUpgrade() {
    }

    /**
     * Sends the upgrade request on {@code channel} (connected, blocking; its socket's read timeout applies) and checks
     * the 101 response and its {@code Sec-WebSocket-Accept}. Returns the bytes that followed the response head: the
     * start of the server's first frames, if it sent any already.
     */
    static byte[] upgrade(SocketChannel channel, URI uri, RandomBytes random) throws IOException {
        byte[] nonce = new byte[16];
        random.fill(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));

        InputStream in = channel.socket().getInputStream();
        byte[] head = new byte[1024];
        int length = 0;
        int end;
        while ((end = headEnd(head, length)) < 0) {
            if (length == head.length) {
                if (length >= MAX_HEAD) {
                    throw new ProtocolException("upgrade response head over " + MAX_HEAD + " bytes from " + uri);
                }
                head = Arrays.copyOf(head, length * 2);
            }
            int n = in.read(head, length, head.length - length);
            if (n < 0) {
                throw new EOFException("connection closed during the upgrade to " + uri);
            }
            length += n;
        }
        String[] lines = new String(head, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        if (!lines[0].matches("HTTP/1\\.1 101( .*)?")) {
            throw new ProtocolException("upgrade to " + uri + " refused: " + lines[0]);
        }
        String expected = accept(key);
        boolean accepted = false;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-accept")) {
                accepted = line.substring(colon + 1).trim().equals(expected);
            }
        }
        if (!accepted) {
            throw new ProtocolException("upgrade to " + uri + " without the expected Sec-WebSocket-Accept " + expected);
        }
        return Arrays.copyOfRange(head, end, length);
    }

    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }

    /** The offset just past the blank line ending the head, or -1 while it has not all arrived. */
    private static int headEnd(byte[] b, int length) {
        for (int i = 3; i < length; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return -1;
    }
}
