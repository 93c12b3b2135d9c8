package org.vaultsync.ui;

import java.util.ArrayList;
import java.util.List;
import org.teavm.flavour.templates.BindTemplate;
import org.teavm.flavour.templates.Templates;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.vaultsync.presence.PeerIdentity;
import org.vaultsync.room.InvalidRoomCodeException;
import org.vaultsync.room.JoinLink;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.ConnectionState;
import org.vaultsync.sync.RoomOptions;
import org.vaultsync.sync.SyncClient;
import org.vaultsync.ui.bind.Bindable;
import org.vaultsync.vault.RoomVault;

/**
 * Settings › Sync: create or join a room, the room's code with Copy, the share dialog (link and QR code), who is in
 * the room, Leave (always there, also while connecting or retrying), and the display name peers see. Joining
 * another room while in one asks first (product.md §1: one room at a time).
 */
@BindTemplate("templates/sync-settings.html")
public class SyncSettingsView implements TitledView, Bindable {
    private final StatusIndicator status = new StatusIndicator();
    private final RoomSwitch roomSwitch = new RoomSwitch();
    private String displayName;
    private String nameError = "";
    private String createPassword = "";
    private String joinCode = "";
    private String joinPassword = "";
    private String joinError = "";
    private String retryPassword = "";
    private boolean shareOpen;
    private String qrFor;
    private String qrImage;
    private final EventListener<KeyboardEvent> escapeCloses = event -> {
        if ("Escape".equals(event.getKey())) {
            closeShare();
            Templates.update();
        }
    };

    @Override
    public String getTitle() {
        return "Sync settings";
    }

    private static SyncClient sync() {
        return AppServices.get().sync();
    }

    public boolean isReady() {
        return sync() != null;
    }

    public boolean isLoading() {
        return sync() == null;
    }

    public StatusIndicator getStatus() {
        return status;
    }

    public RoomSwitch getRoomSwitch() {
        return roomSwitch;
    }

    // ---- display name

    public String getDisplayName() {
        if (displayName == null && sync() != null) {
            displayName = sync().identity().identity().name();
        }
        return displayName == null ? "" : displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getNameError() {
        return nameError;
    }

    public void saveName() {
        try {
            sync().rename(getDisplayName());
            displayName = sync().identity().identity().name();
            nameError = "";
            Toasts.show("Peers now see you as " + displayName);
        } catch (IllegalArgumentException e) {
            nameError = e.getMessage();
        }
    }

    /** What sync-settings.html binds by name ({@code ui:bind="this"}). */
    @Override
    public Object value(String key) {
        return switch (key) {
            case "roomCode" -> getRoomCode();
            case "roomCodeLabel" -> "Room code " + getRoomCode();
            case "statusState" -> getStatus().getState();
            case "passwordRoom" -> isPasswordRoom();
            case "wrongPassword" -> isWrongPassword();
            case "syncing" -> isSyncing();
            case "syncProgress" -> getSyncProgress();
            case "peerSummary" -> getPeerSummary();
            case "inviteTitle" -> "Invite friends to " + getRoomCode();
            case "qrImage" -> getQrImage();
            case "joinHeading" -> isInRoom() ? "Join another room" : isOutOfRoom() ? "Join a room" : "";
            case "codePlaceholder" -> getCodePlaceholder();
            case "joinInvalid" -> isJoinInvalid() ? "true" : "false";
            case "codeHint" -> getCodeHint();
            case "joinError" -> getJoinError();
            case "nameError" -> getNameError();
            default -> throw Bindable.unknown(key);
        };
    }

    @Override
    public void act(String key) {
        switch (key) {
            case "copyCode" -> copyCode();
            case "joinWithPassword" -> joinWithPassword();
            case "openShare" -> openShare();
            case "leave" -> leave();
            case "closeShare" -> closeShare();
            case "copyLink" -> copyLink();
            case "join" -> join();
            case "formatJoinCode" -> formatJoinCode();
            case "saveName" -> saveName();
            default -> throw Bindable.unknown(key);
        }
    }

    // ---- the room

    public boolean isInRoom() {
        return sync() != null && sync().currentRoom() != null;
    }

    public boolean isOutOfRoom() {
        return sync() != null && sync().currentRoom() == null;
    }

    public String getRoomCode() {
        RoomCode code = sync() == null ? null : sync().currentRoom();
        return code == null ? "" : code.display();
    }

    public boolean isPasswordRoom() {
        return sync() != null && sync().isPasswordRoom();
    }

    public String getShareLink() {
        String link = sync() == null ? null : sync().shareLink();
        return link == null ? "" : link;
    }

    /** The share link's QR code as an image URL, drawn again only when the link changes. */
    public String getQrImage() {
        String link = getShareLink();
        if (!link.equals(qrFor)) {
            qrFor = link;
            qrImage = link.isEmpty() ? "" : QrSvg.dataUrl(link);
        }
        return qrImage;
    }

    public List<PeerRow> getPeers() {
        List<PeerRow> rows = new ArrayList<>();
        if (sync() == null) {
            return rows;
        }
        boolean first = true;
        for (PeerIdentity peer : sync().getPeers()) {
            rows.add(new PeerRow(peer, first));
            first = false;
        }
        return rows;
    }

    public String getPeerSummary() {
        int others = sync() == null ? 0 : sync().getConnectedPeerCount();
        return others == 0 ? "Only you so far" : others == 1 ? "You and 1 peer" : "You and " + others + " peers";
    }

    /** True while the room's first sync runs (its stored copy is shown meanwhile). */
    public boolean isSyncing() {
        return AppServices.get().isInitialSyncRunning();
    }

    public String getSyncProgress() {
        RoomVault room = AppServices.get().roomVault();
        int received = room == null ? 0 : room.sharedByPeers().size();
        return "Receiving the room from peers: " + received + (received == 1 ? " shared item" : " shared items")
                + " so far";
    }

    public boolean isWrongPassword() {
        return sync() != null && sync().getConnectionState() == ConnectionState.WRONG_PASSWORD;
    }

    public void copyCode() {
        Clipboard.copy(getRoomCode(), "Room code");
    }

    public void copyLink() {
        Clipboard.copy(getShareLink(), "Link");
    }

    public boolean isShareOpen() {
        return shareOpen && isInRoom();
    }

    public void openShare() {
        if (!shareOpen) {
            Window.current().addEventListener("keydown", escapeCloses);
        }
        shareOpen = true;
        focusSoon("copy-link");
    }

    public void closeShare() {
        if (shareOpen) {
            Window.current().removeEventListener("keydown", escapeCloses);
        }
        shareOpen = false;
        focusSoon("share-room");
    }

    public void leave() {
        String code = getRoomCode();
        shareOpen = false;
        roomSwitch.cancel();
        sync().leaveCurrentRoom();
        Toasts.show("You left room " + code + ". Your vault stays as it is.");
        focusSoon("create-room");
    }

    // ---- create and join

    public String getCreatePassword() {
        return createPassword;
    }

    public void setCreatePassword(String createPassword) {
        this.createPassword = createPassword;
    }

    public void create() {
        RoomCode code = sync().createSyncRoom(RoomOptions.withPassword(createPassword));
        createPassword = "";
        Toasts.show("Room " + code.display() + " created. Share its code or link with your friends.");
        focusSoon("copy-code");
    }

    public String getCodePlaceholder() {
        return RoomCode.PLACEHOLDER;
    }

    public String getCodeHint() {
        return RoomCode.HINT;
    }

    public String getJoinCode() {
        return joinCode;
    }

    public void setJoinCode(String joinCode) {
        this.joinCode = joinCode;
    }

    /** Formats the code as it is typed ({@code abcd} shows as {@code ABC-D}); a pasted link is left as it is. */
    public void formatJoinCode() {
        HTMLInputElement input = (HTMLInputElement) HTMLDocument.current().getElementById("join-code");
        String raw = input.getValue();
        if (raw.equals(joinCode)) {
            return; // a key that changed nothing (Enter, arrows): keep what the last submit said
        }
        boolean link = raw.indexOf('/') >= 0 || raw.indexOf('#') >= 0 || raw.indexOf(':') >= 0;
        String formatted = link ? raw : RoomCode.format(raw);
        joinCode = formatted;
        if (!formatted.equals(raw)) {
            input.setValue(formatted);
        }
        joinError = "";
    }

    public String getJoinPassword() {
        return joinPassword;
    }

    public void setJoinPassword(String joinPassword) {
        this.joinPassword = joinPassword;
    }

    public String getJoinError() {
        return joinError;
    }

    public boolean isJoinInvalid() {
        return !joinError.isEmpty();
    }

    public void join() {
        HTMLInputElement input = (HTMLInputElement) HTMLDocument.current().getElementById("join-code");
        if (input != null) {
            joinCode = input.getValue();
        }
        RoomCode code;
        try {
            code = JoinLink.parse(joinCode);
        } catch (InvalidRoomCodeException e) {
            joinError = e.getMessage();
            focusSoon("join-code");
            return;
        }
        joinError = "";
        String password = joinPassword;
        joinCode = "";
        joinPassword = "";
        roomSwitch.request(code, password);
    }

    // ---- wrong password

    public String getRetryPassword() {
        return retryPassword;
    }

    public void setRetryPassword(String retryPassword) {
        this.retryPassword = retryPassword;
    }

    public void joinWithPassword() {
        sync().joinSyncRoom(sync().currentRoom(), RoomOptions.withPassword(retryPassword));
        retryPassword = "";
        focusSoon("sync-state");
    }

    /** Moves focus after the next render (the element may only appear with it), for keyboard players. */
    static void focusSoon(String id) {
        Window.setTimeout(() -> {
            HTMLElement element = HTMLDocument.current().getElementById(id);
            if (element != null) {
                element.focus();
            }
        }, 0);
    }
}
