package org.vaultsync.ui;

import org.vaultsync.vault.ItemType;

/** The three kinds of vault item, each with its own list page and empty-state wording. */
public enum VaultSection {
    UNITS("Units", "unit", "No units yet",
            "Units you create, or import from a room you have joined, will be listed here."),
    PILOTS("Pilots", "pilot", "No pilots yet",
            "Pilots you create, or import from a room you have joined, will be listed here."),
    FORCES("Forces", "force", "No forces yet",
            "Forces group your pilots and units into lances, stars and companies. They will be listed here.");

    private final String title;
    private final String itemType;
    private final String emptyHeadline;
    private final String emptyHint;

    VaultSection(String title, String itemType, String emptyHeadline, String emptyHint) {
        this.title = title;
        this.itemType = itemType;
        this.emptyHeadline = emptyHeadline;
        this.emptyHint = emptyHint;
    }

    public String getTitle() {
        return title;
    }

    public String getItemType() {
        return itemType;
    }

    public String getEmptyHeadline() {
        return emptyHeadline;
    }

    public String getEmptyHint() {
        return emptyHint;
    }

    public ItemType type() {
        return ItemType.byWire(itemType);
    }

    /** The list page of items of {@code type}. */
    static VaultSection of(ItemType type) {
        return type == ItemType.UNIT ? UNITS : type == ItemType.PILOT ? PILOTS : FORCES;
    }
}
