package org.vaultsync.ui;

import org.teavm.flavour.templates.BindTemplate;

/**
 * An item page whose item is not known (yet): the vault is still opening, a peer's shared item has not arrived, or
 * the item is gone. The app replaces it with the item's form as soon as the item appears.
 */
@BindTemplate("templates/item-missing.html")
public class ItemMissingView implements TitledView {
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
