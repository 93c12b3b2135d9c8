package org.vaultsync.ui;

import org.teavm.jso.browser.Window;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.RoomOptions;
import org.vaultsync.sync.SyncClient;
import org.vaultsync.ui.bind.Bindable;

/**
 * Joining a room, with a question first when that means leaving another one: a link from a friend must never pull
 * the player out of their current room (and publish their shared items elsewhere) without a yes.
 */
public final class RoomSwitch implements Bindable {
    private RoomCode target;
    private String password;

    private static SyncClient sync() {
        return AppServices.get().sync();
    }

    /** Joins {@code code} now, or asks first when the player is in another room. */
    public void request(RoomCode code, String roomPassword) {
        RoomCode current = sync().currentRoom();
        if (current != null && !current.equals(code)) {
            target = code;
            password = roomPassword;
            SyncSettingsView.focusSoon("confirm-switch");
            return;
        }
        join(code, roomPassword);
    }

    /** The question's block in sync-settings.html and join.html ({@code ui:bind}). */
    @Override
    public Object value(String key) {
        return switch (key) {
            case "question" -> getQuestion();
            case "confirmLabel" -> getConfirmLabel();
            default -> throw Bindable.unknown(key);
        };
    }

    @Override
    public void act(String key) {
        if (key.equals("confirm")) {
            confirm();
        } else {
            cancel();
        }
    }

    public boolean isPending() {
        return target != null && sync() != null && sync().currentRoom() != null;
    }

    public String getQuestion() {
        RoomCode current = sync() == null ? null : sync().currentRoom();
        return target == null || current == null ? ""
                : "You are in room " + current.display() + ". Leave it and join " + target.display() + "?";
    }

    public String getConfirmLabel() {
        return target == null ? "" : "Leave and join " + target.display();
    }

    public void confirm() {
        if (target != null) {
            RoomCode code = target;
            String roomPassword = password;
            cancel();
            join(code, roomPassword);
        }
    }

    public void cancel() {
        target = null;
        password = null;
    }

    private static void join(RoomCode code, String roomPassword) {
        sync().joinSyncRoom(code, RoomOptions.withPassword(roomPassword));
        AppServices.get().passwordAsked(null);
        Toasts.show("Joining room " + code.display());
        if (!"#/settings/sync".equals(Window.current().getLocation().getHash())) {
            Window.current().getLocation().setHash("#/settings/sync");
        }
        SyncSettingsView.focusSoon("sync-state");
    }
}
