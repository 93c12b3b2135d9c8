package org.vaultsync.room;

/**
 * The room name on the wire: the code namespaced as {@code vault-sync/ABCDEF}, so our rooms never collide with other
 * y-webrtc apps on a shared signaling server. It is also the BroadcastChannel name and, in password rooms, the
 * PBKDF2 salt, so it must never change for a given code.
 */
public final class RoomName {
    public static final String PREFIX = "vault-sync/";

    private RoomName() {
    }

    public static String of(RoomCode code) {
        return PREFIX + code.value();
    }
}
