package org.vaultsync.ui;

import java.util.HashSet;
import java.util.Set;
import org.teavm.jso.browser.Window;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.ConnectionState;
import org.vaultsync.sync.SyncClient;
import org.vaultsync.sync.SyncEvent;

/**
 * Tells the player (toast and live region) what happened in the room without them looking: who joined or left, a
 * wrong password, a room that needs its password again after a reload (then the join page asks for it).
 */
final class SyncAnnouncer {
    /**
     * The people announced as being in {@link #presentRoom}. When we go offline (or reconnect) our side of the room
     * closes and everyone's presence is read again: that is not news, so who was already announced is not announced
     * again, and a "left" counts only while we are connected (if we dropped, they did not leave).
     */
    private static final Set<String> present = new HashSet<>();
    private static String presentRoom;

    private SyncAnnouncer() {
    }

    static void announce(SyncEvent event, SyncClient client) {
        String room = client.currentRoom() == null ? null : client.currentRoom().value();
        if (room == null ? presentRoom != null : !room.equals(presentRoom)) {
            present.clear();
            presentRoom = room;
        }
        if (event instanceof SyncEvent.PeerJoined joined) {
            if (present.add(joined.peer().id())) {
                Toasts.show(joined.peer().name() + " joined the room");
            }
        } else if (event instanceof SyncEvent.PeerLeft left) {
            if (client.getConnectionState() == ConnectionState.CONNECTED && present.remove(left.peerId())) {
                Toasts.show(left.name() + " left the room");
            }
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
