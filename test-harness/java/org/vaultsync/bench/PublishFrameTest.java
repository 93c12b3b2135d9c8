package org.vaultsync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublishFrameTest {
    private static final byte[] MASK = {(byte) 0x9F, 0x12, (byte) 0xC3, 0x07};

    @Test
    void eachStampCarriesItsTimestampMasked() {
        PublishFrame frame = new PublishFrame("{\"t\":", ",\"from\":\"peer-1\",\"pad\":\"" + "x".repeat(200) + "\"}", MASK);
        for (long t : new long[] {7, 12_345, 9_999_999_999_999L, 10_000_000_000_000L, 123_456_789_012_345L, 0}) {
            String payload = unmask(frame.stamp(t));
            assertEquals("{\"t\":" + t + ",\"from\":\"peer-1\",\"pad\":\"" + "x".repeat(200) + "\"}", payload);
            assertEquals(t, SignalingLoad.sentAt(payload.getBytes(StandardCharsets.UTF_8), 0, payload.length()));
        }
    }

    @Test
    void framesUseTheShortestLengthForm() {
        assertEquals(2 + 4 + 125, MaskedFrames.encode(1, new byte[125], MASK).length);
        assertEquals(4 + 4 + 126, MaskedFrames.encode(1, new byte[126], MASK).length);
        assertEquals(4 + 4 + 65_535, MaskedFrames.encode(1, new byte[65_535], MASK).length);
        assertEquals(10 + 4 + 65_536, MaskedFrames.encode(1, new byte[65_536], MASK).length);
        assertEquals(65_536, payloadLength(MaskedFrames.encode(1, new byte[65_536], MASK)));
    }

    @Test
    void sendTimeIsOnlyReadNearTheStart() {
        byte[] late = ("{\"type\":\"publish\",\"pad\":\"" + "x".repeat(200) + "\",\"t\":5}").getBytes(StandardCharsets.UTF_8);
        assertEquals(0, SignalingLoad.sentAt(late, 0, late.length));
        byte[] other = "{\"type\":\"pong\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, SignalingLoad.sentAt(other, 0, other.length));
    }

    /** The payload of a masked client frame, as a server reads it. */
    private static String unmask(ByteBuffer frame) {
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        assertEquals(0x81, bytes[0] & 0xFF, "final text frame");
        assertEquals(0x80, bytes[1] & 0x80, "masked");
        int length = payloadLength(bytes);
        int start = MaskedFrames.payloadOffset(bytes);
        assertEquals(bytes.length, start + length);
        byte[] payload = new byte[length];
        for (int i = 0; i < length; i++) {
            payload[i] = (byte) (bytes[start + i] ^ bytes[start - 4 + (i & 3)]);
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static int payloadLength(byte[] frame) {
        int length = frame[1] & 0x7F;
        if (length == 126) {
            return ((frame[2] & 0xFF) << 8) | (frame[3] & 0xFF);
        }
        if (length == 127) {
            long value = 0;
            for (int i = 2; i < 10; i++) {
                value = (value << 8) | (frame[i] & 0xFF);
            }
            return (int) value;
        }
        return length;
    }
}
