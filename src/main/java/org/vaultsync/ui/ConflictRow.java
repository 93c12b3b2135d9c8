package org.vaultsync.ui;

import org.vaultsync.common.AsciiFold;
import org.vaultsync.ui.bind.Bindable;
import org.vaultsync.vault.FieldConflict;
import org.vaultsync.vault.FieldSpec;
import org.vaultsync.vault.FieldText;
import org.vaultsync.vault.ItemSchema;
import org.vaultsync.vault.ItemType;
import org.vaultsync.vault.RoomVault;

/** One field a peer changed at the same time as this player: both values, who wrote theirs, keep either. */
public final class ConflictRow implements Bindable {
    private final FieldConflict conflict;
    private final FieldSpec spec;
    private final RoomVault room;

    ConflictRow(FieldConflict conflict, ItemType type, RoomVault room) {
        this.conflict = conflict;
        this.spec = ItemSchema.field(type, conflict.field());
        this.room = room;
    }

    /** What the conflict's block in item-form.html binds ({@code ui:bind}). */
    @Override
    public Object value(String key) {
        return switch (key) {
            case "field" -> getField();
            case "label" -> getLabel();
            case "mine" -> getMine();
            case "theirs" -> getTheirs();
            case "theirsHeading" -> "Theirs, by " + getTheirsBy();
            default -> throw Bindable.unknown(key);
        };
    }

    @Override
    public void act(String key) {
        if (key.equals("keepMine")) {
            keepMine();
        } else {
            keepTheirs();
        }
    }

    public String getField() {
        return conflict.field();
    }

    public String getLabel() {
        return spec == null ? "Name" : spec.label();
    }

    public String getMine() {
        return shown(conflict.mine());
    }

    public String getTheirs() {
        return shown(conflict.theirs());
    }

    public String getTheirsBy() {
        return conflict.theirsBy() == null ? "a peer" : conflict.theirsBy();
    }

    private String shown(Object value) {
        String text = spec == null ? String.valueOf(value) : FieldText.format(spec, value);
        return text.isEmpty() ? "(empty)" : text;
    }

    public void keepMine() {
        room.keepMine(conflict.itemId(), conflict.field());
        Toasts.show("Kept your " + AsciiFold.lower(getLabel()) + ": " + getMine());
    }

    public void keepTheirs() {
        room.keepTheirs(conflict.itemId(), conflict.field());
        Toasts.show("Kept " + getTheirsBy() + "\u2019s " + AsciiFold.lower(getLabel()) + ": " + getTheirs());
    }
}
