package org.vaultsync.vault;

import java.util.Map;

/** Typed, read-only access to an item's data; absent or malformed fields read as their schema default. */
abstract class ItemView {
    protected final VaultItem item;

    ItemView(VaultItem item, ItemType expected) {
        if (item.type() != expected) {
            throw new IllegalArgumentException("item " + item.id() + " is a " + item.type().wire() + ", not a "
                    + expected.wire());
        }
        this.item = item;
    }

    public VaultItem item() {
        return item;
    }

    public String id() {
        return item.id();
    }

    public String name() {
        return item.name();
    }

    protected String text(String key) {
        Object value = item.get(key);
        return value instanceof String text ? text : (String) fallback(key);
    }

    protected int whole(String key) {
        Object value = item.get(key);
        return (int) (value instanceof Number n ? n.doubleValue() : ((Number) fallback(key)).doubleValue());
    }

    protected double number(String key) {
        Object value = item.get(key);
        return value instanceof Number n ? n.doubleValue() : ((Number) fallback(key)).doubleValue();
    }

    protected <E extends Choice> E choice(E[] values, String key) {
        Object value = item.get(key);
        E found = value instanceof String wire ? Choice.byWire(values, wire) : null;
        return found != null ? found : Choice.byWire(values, (String) fallback(key));
    }

    private Object fallback(String key) {
        return ItemSchema.field(item.type(), key).defaultValue();
    }

    static Map<String, Object> withDefaults(ItemType type, Map<String, ?> data) {
        Map<String, Object> merged = ItemSchema.defaults(type);
        merged.putAll(data);
        return merged;
    }
}
