package org.vaultsync.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One client's publish frame, {@code prefix + t + suffix} masked, built once: each publish only rewrites the masked
 * digits of its timestamp {@code t}, so publishing costs a dozen byte writes instead of a string, its encoding and
 * its masking. The frame is rebuilt only when {@code t} gains a digit.
 */
final class PublishFrame {
    private final byte[] prefix;
    private final byte[] suffix;
    private final byte[] mask;
    private byte[] frame;
    private ByteBuffer buffer;
    private int payloadAt;
    private int digits;

    PublishFrame(String prefix, String suffix, byte[] mask) {
        this.prefix = prefix.getBytes(StandardCharsets.UTF_8);
        this.suffix = suffix.getBytes(StandardCharsets.UTF_8);
        this.mask = mask.clone();
    }

    /** The frame carrying {@code t} ({@code >= 0}), ready to write; valid until the next call. */
    ByteBuffer stamp(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("negative timestamp " + t);
        }
        int count = digitCount(t);
        if (count != digits) {
            build(count);
        }
        int payloadIndex = prefix.length + count - 1;
        for (int i = 0; i < count; i++, payloadIndex--) {
            frame[payloadAt + payloadIndex] = (byte) (('0' + (int) (t % 10)) ^ mask[payloadIndex & 3]);
            t /= 10;
        }
        return buffer.clear();
    }

    int length() {
        return frame == null ? prefix.length + suffix.length + 32 : frame.length;
    }

    private void build(int count) {
        byte[] payload = new byte[prefix.length + count + suffix.length];
        System.arraycopy(prefix, 0, payload, 0, prefix.length);
        System.arraycopy(suffix, 0, payload, prefix.length + count, suffix.length);
        frame = MaskedFrames.encode(WebSocketFrameReader.TEXT, payload, mask);
        payloadAt = MaskedFrames.payloadOffset(frame);
        buffer = ByteBuffer.wrap(frame);
        digits = count;
    }

    private static int digitCount(long t) {
        int count = 1;
        while (t >= 10) {
            t /= 10;
            count++;
        }
        return count;
    }
}
