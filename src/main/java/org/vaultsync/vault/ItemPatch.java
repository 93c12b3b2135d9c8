package org.vaultsync.vault;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A partial update for {@link VaultStore#updateItem}: a new name and/or data fields to set (merged field by field
 * into the item's data). There is no way to change an item's id or type.
 */
public final class ItemPatch {
    private String name;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public static ItemPatch name(String name) {
        return new ItemPatch().rename(name);
    }

    public static ItemPatch field(String key, Object value) {
        return new ItemPatch().set(key, value);
    }

    public ItemPatch rename(String newName) {
        this.name = newName;
        return this;
    }

    /** Sets a data field; {@code id} and {@code type} are not data and cannot be changed. */
    public ItemPatch set(String key, Object value) {
        if ("id".equals(key) || "type".equals(key)) {
            throw new IllegalArgumentException("An item's " + key + " cannot be changed");
        }
        fields.put(key, JsonValues.copy(value));
        return this;
    }

    public String name() {
        return name;
    }

    public Map<String, Object> fields() {
        return fields;
    }
}
