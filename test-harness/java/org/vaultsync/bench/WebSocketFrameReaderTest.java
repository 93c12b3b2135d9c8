package org.vaultsync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WebSocketFrameReaderTest {
    private static final byte[] LARGE = new byte[70_000]; // needs the 64-bit length form
    private static final String MEDIUM = "m".repeat(300); // needs the 16-bit length form

    static {
        for (int i = 0; i < LARGE.length; i++) {
            LARGE[i] = (byte) (i * 31);
        }
    }

    /** What a server may send: every length form, a fragmented message with a ping between its fragments, a close. */
    private static byte[] stream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, true, WebSocketFrameReader.TEXT, utf8("{\"type\":\"pong\"}"));
        frame(out, true, WebSocketFrameReader.TEXT, utf8(MEDIUM));
        frame(out, true, WebSocketFrameReader.BINARY, LARGE);
        frame(out, false, WebSocketFrameReader.TEXT, utf8("frag"));
        frame(out, true, WebSocketFrameReader.PING, utf8("keep-alive"));
        frame(out, false, WebSocketFrameReader.CONTINUATION, utf8("men"));
        frame(out, true, WebSocketFrameReader.CONTINUATION, utf8("ted"));
        frame(out, true, WebSocketFrameReader.PONG, utf8("ignored"));
        frame(out, true, WebSocketFrameReader.TEXT, new byte[0]);
        frame(out, true, WebSocketFrameReader.CLOSE, new byte[] {0x03, (byte) 0xE8});
        frame(out, true, WebSocketFrameReader.TEXT, utf8("after close"));
        return out.toByteArray();
    }

    private static final List<String> EXPECTED = List.of("text {\"type\":\"pong\"}", "text " + MEDIUM,
            "binary " + Arrays.hashCode(LARGE) + "/" + LARGE.length, "ping keep-alive", "text fragmented", "text ", "close");

    @Test
    void framesArrivingInOneBlockAreAllParsed() throws Exception {
        Recorder recorder = new Recorder();
        byte[] bytes = stream();
        new WebSocketFrameReader().feed(bytes, 0, bytes.length, recorder);
        assertEquals(EXPECTED, recorder.events);
    }

    @Test
    void framesArrivingByteByByteAreParsedTheSame() throws Exception {
        Recorder recorder = new Recorder();
        WebSocketFrameReader reader = new WebSocketFrameReader();
        for (byte b : stream()) {
            reader.feed(new byte[] {b}, 0, 1, recorder);
        }
        assertEquals(EXPECTED, recorder.events);
    }

    @Property(tries = 200)
    void framesSplitAnywhereAreParsedTheSame(@ForAll @IntRange(min = 1, max = 80_000) int firstChunk,
                                             @ForAll @IntRange(min = 1, max = 5_000) int laterChunks) throws Exception {
        Recorder recorder = new Recorder();
        WebSocketFrameReader reader = new WebSocketFrameReader();
        byte[] bytes = stream();
        // Reads land at an offset in a larger buffer, like the reader thread's shared one.
        byte[] shared = new byte[100_000];
        for (int at = 0, chunk = firstChunk; at < bytes.length; at += chunk, chunk = laterChunks) {
            int length = Math.min(chunk, bytes.length - at);
            System.arraycopy(bytes, at, shared, 7, length);
            reader.feed(shared, 7, length, recorder);
            Arrays.fill(shared, (byte) 0); // parsed bytes must not be needed later
        }
        assertEquals(EXPECTED, recorder.events);
    }

    @Test
    void maskedServerFrameIsRejected() {
        byte[] masked = MaskedFrames.encode(WebSocketFrameReader.TEXT, utf8("hi"), new byte[] {1, 2, 3, 4});
        assertThrows(ProtocolException.class, () -> new WebSocketFrameReader().feed(masked, 0, masked.length, new Recorder()));
    }

    @Test
    void continuationWithoutAStartIsRejected() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, true, WebSocketFrameReader.CONTINUATION, utf8("x"));
        byte[] bytes = out.toByteArray();
        assertThrows(ProtocolException.class, () -> new WebSocketFrameReader().feed(bytes, 0, bytes.length, new Recorder()));
    }

    @Test
    void absurdLengthIsRejectedBeforeWaitingForIt() {
        byte[] header = {(byte) 0x81, 127, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0};
        assertThrows(ProtocolException.class, () -> new WebSocketFrameReader().feed(header, 0, header.length, new Recorder()));
    }

    @Test
    void oversizedPingIsRejected() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frame(out, true, WebSocketFrameReader.PING, new byte[126]);
        byte[] bytes = out.toByteArray();
        assertThrows(ProtocolException.class, () -> new WebSocketFrameReader().feed(bytes, 0, bytes.length, new Recorder()));
    }

    /** An unmasked frame in the shortest length form, as a server writes it. */
    private static void frame(ByteArrayOutputStream out, boolean fin, int opcode, byte[] payload) {
        out.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65_536) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift));
            }
        }
        out.writeBytes(payload);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final class Recorder implements WebSocketFrameReader.Handler {
        final List<String> events = new ArrayList<>();

        @Override
        public void onMessage(boolean text, byte[] data, int offset, int length) {
            byte[] payload = Arrays.copyOfRange(data, offset, offset + length);
            events.add(text ? "text " + new String(payload, StandardCharsets.UTF_8)
                    : "binary " + Arrays.hashCode(payload) + "/" + payload.length);
        }

        @Override
        public void onPing(byte[] data, int offset, int length) {
            events.add("ping " + new String(data, offset, length, StandardCharsets.UTF_8));
        }

        @Override
        public void onClose() {
            events.add("close");
        }
    }
}
