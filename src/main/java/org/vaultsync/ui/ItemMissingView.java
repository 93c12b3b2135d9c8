package org.vaultsync.ui;

import org.teavm.flavour.templates.BindTemplate;
import org.vaultsync.ui.bind.Bindable;

/**
 * An item page whose item is not known (yet): the vault is still opening, a peer's shared item has not arrived, or
 * the item is gone. The app replaces it with the item's form as soon as the item appears.
 */
@BindTemplate("templates/item-missing.html")
public class ItemMissingView implements TitledView, Bindable {
    /** What item-missing.html binds by name ({@code ui:bind="this"}). */
    @Override
    public Object value(String key) {
        return switch (key) {
            case "title" -> getTitle();
            case "loading" -> isLoading();
            case "notLoading" -> !isLoading();
            case "headline" -> "This item is not in your vault" + (isInRoom() ? " or shared in this room" : "") + ".";
            default -> throw Bindable.unknown(key);
        };
    }

    @Override
    public String getTitle() {
        return isLoading() ? "Opening your vault" : "Item not found";
    }

    public boolean isLoading() {
        return AppServices.get().store() == null;
    }

    public boolean isInRoom() {
        return AppServices.get().roomVault() != null;
    }
}
