package org.vaultsync.crypto;

/**
 * Turns a room password into the room's {@link RoomKey}, exactly as y-webrtc 10.3 does (y-webrtc.md §6):
 * PBKDF2-HMAC-SHA-256 over the UTF-8 password, salt = UTF-8 room name, 100,000 iterations, 256-bit AES-GCM key.
 * Each platform implements it (WebCrypto in the browser, {@code javax.crypto} on the JVM).
 */
public interface KeyDerivation {
    int PBKDF2_ITERATIONS = 100_000;
    int KEY_BITS = 256;

    /**
     * Derives the key for {@code roomName} (the full room name, e.g. {@code vault-sync/ABCDEF}, not the code).
     *
     * @throws IllegalArgumentException for an empty password or room name (y-webrtc treats an empty password as
     *                                  no password; we refuse it instead of silently opening the room)
     */
    void deriveRoomKey(String password, String roomName, CryptoCallback<RoomKey> done);

    /** The checks every implementation makes before deriving. */
    static void checkInput(String password, String roomName) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("A room password must not be empty");
        }
        if (roomName == null || roomName.isEmpty()) {
            throw new IllegalArgumentException("A room key needs the room name");
        }
    }
}
