package org.vaultsync.ui;

import org.teavm.flavour.templates.BindTemplate;
import org.vaultsync.room.InvalidRoomCodeException;
import org.vaultsync.room.JoinLink;
import org.vaultsync.room.RoomCode;
import org.vaultsync.ui.bind.Bindable;

/**
 * A share link ({@code #/join/ABC-DEF}) opened: names the room and joins it with one press, with a field for the
 * password a friend gave along with a password room's link (the link itself never carries it). Asks first when
 * the player is in another room. A link that holds no valid code says why, with the spec's wording.
 */
@BindTemplate("templates/join.html")
public class JoinRoomView implements TitledView, Bindable {
    private final RoomCode code;
    private final String problem;
    private final RoomSwitch roomSwitch = new RoomSwitch();
    private String password = "";

    public JoinRoomView(String codeFromLink) {
        RoomCode parsed = null;
        String error = "";
        try {
            parsed = JoinLink.parse(JoinLink.FRAGMENT_PREFIX + codeFromLink);
        } catch (InvalidRoomCodeException e) {
            error = e.getMessage();
        }
        this.code = parsed;
        this.problem = error;
    }

    @Override
    public String getTitle() {
        return code == null ? "Room link" : "Join room " + code.display();
    }

    /**
     * What join.html binds by name ({@code ui:bind="this"}). The notice of an invalid link stands before the room
     * switch question there: the two never show together, so the page reads as before, and the notice does not
     * follow a {@code std:if} (see {@code BlockBinder}'s {@code if:}).
     */
    @Override
    public Object value(String key) {
        return switch (key) {
            case "title" -> getTitle();
            case "valid" -> isValid();
            case "invalid" -> !isValid();
            case "inOtherRoom" -> isInOtherRoom();
            case "otherRoom" -> getOtherRoom();
            case "problem" -> problem;
            case "passwordHint" -> getPasswordHint();
            case "ready" -> isReady();
            default -> throw Bindable.unknown(key);
        };
    }

    @Override
    public void act(String key) {
        join();
    }

    public boolean isValid() {
        return code != null;
    }

    public boolean isReady() {
        return AppServices.get().sync() != null;
    }

    /** True when this room's stored key is missing after a reload: it is a password room. */
    public boolean isPasswordRequired() {
        return code != null && code.value().equals(AppServices.get().passwordAskedFor());
    }

    public String getPasswordHint() {
        return isPasswordRequired() ? "This room has a password. Enter it to rejoin."
                : "Only if the room has one: your friend tells you. Leave empty for an open room.";
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public RoomSwitch getRoomSwitch() {
        return roomSwitch;
    }

    public String getOtherRoom() {
        RoomCode current = AppServices.get().sync() == null ? null : AppServices.get().sync().currentRoom();
        return current == null || current.equals(code) ? "" : current.display();
    }

    public boolean isInOtherRoom() {
        return !getOtherRoom().isEmpty();
    }

    public void join() {
        String given = password;
        password = "";
        roomSwitch.request(code, given);
    }

}
