package org.vaultsync.ui;

import org.teavm.jso.browser.Window;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.SyncEvent;

/**
 * Tells the player (toast and live region) what happened in the room without them looking: who joined or left, a
 * wrong password, a room that needs its password again after a reload (then the join page asks for it).
 */
final class SyncAnnouncer {
    private SyncAnnouncer() {
    }

    static void announce(SyncEvent event) {
        if (event instanceof SyncEvent.PeerJoined joined) {
            Toasts.show(joined.peer().name() + " joined the room");
        } else if (event instanceof SyncEvent.PeerLeft left) {
            Toasts.show(left.name() + " left the room");
        } else if (event instanceof SyncEvent.WrongPassword) {
            Toasts.show("Wrong password for this room");
        } else if (event instanceof SyncEvent.StorageError error) {
            Toasts.show(error.message());
        } else if (event instanceof SyncEvent.PasswordRequired required) {
            AppServices.get().passwordAsked(required.roomCode());
            Toasts.show("Room " + RoomCode.format(required.roomCode()) + " has a password: enter it to rejoin");
            Window.current().getLocation().setHash("#/join/" + RoomCode.format(required.roomCode()));
        }
    }
}
