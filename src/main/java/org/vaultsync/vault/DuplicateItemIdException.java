package org.vaultsync.vault;

/** {@link VaultStore#addItem} with an id the vault already holds; nothing was changed (the item is not replaced). */
public final class DuplicateItemIdException extends IllegalArgumentException {
    private final String itemId;

    public DuplicateItemIdException(String itemId) {
        super("An item with id " + itemId + " already exists; use updateItem to change it");
        this.itemId = itemId;
    }

    public String itemId() {
        return itemId;
    }
}
