package org.vaultsync.bench;

/** Frames as a WebSocket client sends them: one final frame each, masked as RFC 6455 section 5.3 requires. */
final class MaskedFrames {
    private MaskedFrames() {
    }

    /** The frame carrying {@code payload}, masked with the 4-byte {@code mask}. */
    static byte[] encode(int opcode, byte[] payload, byte[] mask) {
        int header = payload.length < 126 ? 2 : payload.length < 65_536 ? 4 : 10;
        byte[] frame = new byte[header + 4 + payload.length];
        frame[0] = (byte) (0x80 | opcode);
        if (header == 2) {
            frame[1] = (byte) (0x80 | payload.length);
        } else if (header == 4) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (payload.length >>> 8);
            frame[3] = (byte) payload.length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) payload.length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(mask, 0, frame, header, 4);
        int start = header + 4;
        for (int i = 0; i < payload.length; i++) {
            frame[start + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return frame;
    }

    /** Where the payload starts in a frame from {@link #encode}. */
    static int payloadOffset(byte[] frame) {
        int length = frame[1] & 0x7F;
        return (length == 127 ? 10 : length == 126 ? 4 : 2) + 4;
    }
}
