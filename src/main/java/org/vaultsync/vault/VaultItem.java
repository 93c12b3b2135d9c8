package org.vaultsync.vault;

import java.util.Map;

/**
 * One item of a vault, immutable: {@code {id, type, name, data, syncEnabled, syncState, lastModified,
 * lastModifiedBy?, lastSynced?}} (product.md §3). {@code data} holds the type's fields ({@link ItemSchema}) as JSON
 * values, deep-frozen. {@code syncEnabled}, {@code syncState}, {@code lastSynced} and {@code importedFrom} are local
 * only and never shared. Times are milliseconds since the epoch; {@code lastSynced} is 0 when never synced.
 */
public final class VaultItem {
    private final String id;
    private final ItemType type;
    private final String name;
    private final Map<String, Object> data;
    private final boolean syncEnabled;
    private final SyncState syncState;
    private final long lastModified;
    private final String lastModifiedBy;
    private final long lastSynced;
    private final String importedFrom;

    VaultItem(String id, ItemType type, String name, Map<String, ?> data, boolean syncEnabled, SyncState syncState,
              long lastModified, String lastModifiedBy, long lastSynced, String importedFrom) {
        if (id == null || type == null) {
            throw new IllegalArgumentException("an item needs an id and a type");
        }
        this.id = id;
        this.type = type;
        this.name = name;
        this.data = JsonValues.frozenMap(data);
        this.syncEnabled = syncEnabled;
        this.syncState = syncState;
        this.lastModified = lastModified;
        this.lastModifiedBy = lastModifiedBy;
        this.lastSynced = lastSynced;
        this.importedFrom = importedFrom;
    }

    /** A new item as the UI hands it to {@link VaultStore#addItem}: the store sets times, state and version. */
    public static VaultItem of(String id, ItemType type, String name, Map<String, ?> data, boolean syncEnabled) {
        return new VaultItem(id, type, name, data, syncEnabled, syncEnabled ? SyncState.PENDING : SyncState.DISABLED,
                0, null, 0, null);
    }

    public String id() {
        return id;
    }

    public ItemType type() {
        return type;
    }

    public String name() {
        return name;
    }

    /** The data fields (deep-frozen JSON values: Double, String, Boolean, List, Map). */
    public Map<String, Object> data() {
        return data;
    }

    /** One data field, or null. */
    public Object get(String field) {
        return data.get(field);
    }

    public boolean syncEnabled() {
        return syncEnabled;
    }

    public SyncState syncState() {
        return syncState;
    }

    public long lastModified() {
        return lastModified;
    }

    /** Display name of the peer whose edit arrived last, or null when the last change was ours. */
    public String lastModifiedBy() {
        return lastModifiedBy;
    }

    /** When a peer last acknowledged this item's latest change; 0 if never. */
    public long lastSynced() {
        return lastSynced;
    }

    /** For a copy imported from a peer: the id of the peer's item it was copied from (local only), else null. */
    public String importedFrom() {
        return importedFrom;
    }

    VaultItem with(String newName, Map<String, ?> newData, long modified, String modifiedBy) {
        return new VaultItem(id, type, newName, newData, syncEnabled, syncState, modified, modifiedBy, lastSynced,
                importedFrom);
    }

    VaultItem withSync(boolean enabled, SyncState state) {
        return new VaultItem(id, type, name, data, enabled, state, lastModified, lastModifiedBy, lastSynced,
                importedFrom);
    }

    VaultItem withState(SyncState state, long synced) {
        return new VaultItem(id, type, name, data, syncEnabled, state, lastModified, lastModifiedBy, synced,
                importedFrom);
    }

    VaultItem withIdentity(String newId, String from) {
        return new VaultItem(newId, type, name, data, syncEnabled, syncState, lastModified, lastModifiedBy,
                lastSynced, from);
    }

    VaultItem withData(Map<String, ?> newData) {
        return new VaultItem(id, type, name, newData, syncEnabled, syncState, lastModified, lastModifiedBy,
                lastSynced, importedFrom);
    }

    @Override
    public String toString() {
        return type.wire() + " " + id + " '" + name + "' " + syncState.wire() + " " + data;
    }
}
