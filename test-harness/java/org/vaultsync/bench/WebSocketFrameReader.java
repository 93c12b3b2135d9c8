package org.vaultsync.bench;

import java.net.ProtocolException;
import java.util.Arrays;

/**
 * Parses the frames a WebSocket server sends (RFC 6455: unmasked; 7, 16 or 64-bit lengths; fragmented messages;
 * control frames between fragments) from bytes as they arrive, in any split. One per connection and small while
 * idle: it keeps bytes only while a frame straddles reads or a message is fragmented, so 10,000 idle connections
 * cost no buffers; the bytes of each read are parsed where they lie.
 */
final class WebSocketFrameReader {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** Nothing the signaling servers send comes close; a larger length means a broken stream. */
    static final int MAX_PAYLOAD = 16 << 20;

    interface Handler {
        /** A complete text or binary message; the bytes are only valid during the call. */
        void onMessage(boolean text, byte[] data, int offset, int length);

        void onPing(byte[] data, int offset, int length);

        /** The server's close frame; nothing after it is parsed. */
        void onClose();
    }

    private byte[] partial; // the start of a frame that straddles reads
    private int partialLength;
    private byte[] message; // the fragments so far of a fragmented message
    private int messageLength;
    private int messageOpcode = -1;
    private boolean closed;

    /** Parses every complete frame in what has arrived so far, and keeps an incomplete last frame for the next call. */
    void feed(byte[] data, int offset, int length, Handler handler) throws ProtocolException {
        if (closed) {
            return;
        }
        byte[] buffer = data;
        int at = offset;
        int end = offset + length;
        if (partialLength > 0) {
            partial = append(partial, partialLength, data, offset, length);
            partialLength += length;
            buffer = partial;
            at = 0;
            end = partialLength;
        }
        int consumed;
        while (!closed && (consumed = frame(buffer, at, end, handler)) > 0) {
            at += consumed;
        }
        int rest = closed ? 0 : end - at;
        if (buffer == partial) {
            System.arraycopy(partial, at, partial, 0, rest);
        } else if (rest > 0) {
            partial = append(partial, 0, data, at, rest);
        }
        partialLength = rest;
        if (rest == 0 && partial != null && partial.length > 64 * 1024) {
            partial = null; // a rare large frame does not pin its buffer to the connection
        }
    }

    /** Handles one frame at {@code at}; returns its length, or 0 when it has not fully arrived. */
    private int frame(byte[] b, int at, int end, Handler handler) throws ProtocolException {
        int available = end - at;
        if (available < 2) {
            return 0;
        }
        int first = b[at] & 0xFF;
        int second = b[at + 1] & 0xFF;
        if ((first & 0x70) != 0) {
            throw new ProtocolException("RSV bits set, but no extension was negotiated");
        }
        if ((second & 0x80) != 0) {
            throw new ProtocolException("a server frame is masked");
        }
        long length = second & 0x7F;
        int header = 2;
        if (length == 126) {
            header = 4;
            if (available < header) {
                return 0;
            }
            length = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
        } else if (length == 127) {
            header = 10;
            if (available < header) {
                return 0;
            }
            length = 0;
            for (int i = 2; i < 10; i++) {
                length = (length << 8) | (b[at + i] & 0xFF);
            }
        }
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new ProtocolException("frame length " + Long.toUnsignedString(length) + " over " + MAX_PAYLOAD);
        }
        if (available < header + length) {
            return 0;
        }
        dispatch((first & 0x80) != 0, first & 0x0F, b, at + header, (int) length, handler);
        return header + (int) length;
    }

    private void dispatch(boolean fin, int opcode, byte[] b, int offset, int length, Handler handler) throws ProtocolException {
        if (opcode >= CLOSE && (!fin || length > 125)) {
            throw new ProtocolException("control frame " + opcode + " fragmented or over 125 bytes");
        }
        switch (opcode) {
            case TEXT, BINARY -> {
                if (messageOpcode >= 0) {
                    throw new ProtocolException("a new message started inside a fragmented one");
                }
                if (fin) {
                    handler.onMessage(opcode == TEXT, b, offset, length);
                } else {
                    messageOpcode = opcode;
                    message = append(message, 0, b, offset, length);
                    messageLength = length;
                }
            }
            case CONTINUATION -> {
                if (messageOpcode < 0) {
                    throw new ProtocolException("a continuation frame outside a fragmented message");
                }
                message = append(message, messageLength, b, offset, length);
                messageLength += length;
                if (fin) {
                    boolean text = messageOpcode == TEXT;
                    messageOpcode = -1;
                    byte[] whole = message;
                    message = null;
                    handler.onMessage(text, whole, 0, messageLength);
                }
            }
            case PING -> handler.onPing(b, offset, length);
            case PONG -> {
            }
            case CLOSE -> {
                closed = true;
                handler.onClose();
            }
            default -> throw new ProtocolException("reserved opcode " + opcode);
        }
    }

    /** {@code target[0, kept)} followed by the new bytes, in {@code target} when they fit. */
    private static byte[] append(byte[] target, int kept, byte[] data, int offset, int length) {
        int needed = kept + length;
        if (target == null || target.length < needed) {
            target = target == null ? new byte[Math.max(needed, 512)] : Arrays.copyOf(target, Math.max(needed, target.length * 2));
        }
        System.arraycopy(data, offset, target, kept, length);
        return target;
    }
}
