package org.vaultsync.sync;

import org.vaultsync.crypto.RoomKey;

/**
 * How a room is entered: open (plain y-webrtc, anyone with the code can read along) or with the key derived from
 * the room's password. In password rooms signaling payloads and BroadcastChannel messages are encrypted exactly as
 * y-webrtc does; data-channel messages are encrypted too unless {@link #withDataChannelEncryption} turns that off
 * (needed for real y-webrtc peers, which send plaintext on data channels).
 *
 * @param key                    null for an open room
 * @param encryptDataChannels    meaningful only with a key
 */
public record RoomAccess(RoomKey key, boolean encryptDataChannels) {
    private static final RoomAccess OPEN = new RoomAccess(null, false);

    public static RoomAccess open() {
        return OPEN;
    }

    /** A password room with the key from {@code KeyDerivation} (or restored from storage); data channels encrypted. */
    public static RoomAccess password(RoomKey key) {
        if (key == null) {
            throw new IllegalArgumentException("A password room needs its key");
        }
        return new RoomAccess(key, true);
    }

    public RoomAccess withDataChannelEncryption(boolean on) {
        return key == null ? this : new RoomAccess(key, on);
    }

    public boolean isPasswordProtected() {
        return key != null;
    }
}
