package org.vaultsync.sync;

/**
 * How to create or join a room: open, or with a password (end-to-end encrypted, y-webrtc compatible). In password
 * rooms data channels are encrypted too unless {@link #plainDataChannels} is chosen, which real y-webrtc peers need
 * (they send plaintext on data channels); everyone in a room must make the same choice.
 */
public record RoomOptions(String password, boolean encryptDataChannels) {
    public static RoomOptions open() {
        return new RoomOptions(null, true);
    }

    /** An empty or null password means an open room. */
    public static RoomOptions withPassword(String password) {
        return new RoomOptions(password, true);
    }

    public RoomOptions plainDataChannels() {
        return new RoomOptions(password, false);
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }
}
