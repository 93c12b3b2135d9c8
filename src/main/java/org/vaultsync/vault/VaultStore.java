package org.vaultsync.vault;

import org.vaultsync.common.StorageCallback;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.vaultsync.common.Cancellable;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.common.Uuid;

/**
 * The player's vault: every item they own, room or no room (product.md §3). Changes are validated first (a bad
 * change throws a typed error and changes nothing), applied in memory, told to listeners synchronously, and
 * written to {@link VaultStorage} in order. Single-threaded, like the browser.
 *
 * <p>The seed's operations keep their behaviour, with its corrections: a duplicate id is rejected, an id cannot
 * change, unknown ids are no-ops, {@code lastModified} never goes back, the version grows by one per update.
 */
public final class VaultStore {
    private final VaultStorage storage;
    private final LongSupplier clock;
    private final RandomBytes random;
    private final Map<String, VaultItem> items = new LinkedHashMap<>();
    private final Map<String, Integer> versions = new LinkedHashMap<>();
    /** Per item: open conflicts and unconfirmed fields (local only, kept in the item's record). */
    private final Map<String, ItemLocalState> localStates = new LinkedHashMap<>();
    private final List<VaultListener> listeners = new ArrayList<>();
    private final List<String> loadProblems = new ArrayList<>();

    /** An empty vault writing to {@code storage} (use {@link #open} to start from what is stored). */
    public VaultStore(VaultStorage storage, LongSupplier clock, RandomBytes random) {
        this.storage = storage;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Loads the stored vault, then hands it over. Records that cannot be read are skipped and listed in
     * {@link #loadProblems()} (never fatal: one bad record must not cost the player the rest of the vault).
     */
    public static void open(VaultStorage storage, LongSupplier clock, RandomBytes random,
                            StorageCallback<VaultStore> done) {
        storage.loadAll(new StorageCallback<>() {
            @Override
            public void done(Map<String, String> records) {
                VaultStore store = new VaultStore(storage, clock, random);
                for (Map.Entry<String, String> record : records.entrySet()) {
                    try {
                        ItemRecords.Stored stored = ItemRecords.fromJson(record.getValue());
                        store.items.put(stored.item().id(), stored.item());
                        store.versions.put(stored.item().id(), stored.version());
                        if (!stored.local().isEmpty()) {
                            store.localStates.put(stored.item().id(), stored.local());
                        }
                    } catch (InvalidRecordException e) {
                        store.loadProblems.add("Stored record " + record.getKey() + " skipped: " + e.getMessage());
                    }
                }
                done.done(store);
            }

            @Override
            public void failed(String message) {
                done.failed("The vault could not be loaded: " + message);
            }
        });
    }

    public List<String> loadProblems() {
        return List.copyOf(loadProblems);
    }

    // ---- reading

    /** Every item, in the order they were added. */
    public List<VaultItem> items() {
        return new ArrayList<>(items.values());
    }

    /** The item {@code id}, or null. */
    public VaultItem item(String id) {
        return items.get(id);
    }

    public boolean contains(String id) {
        return items.containsKey(id);
    }

    public List<VaultItem> getItemsByType(ItemType type) {
        List<VaultItem> out = new ArrayList<>();
        for (VaultItem item : items.values()) {
            if (item.type() == type) {
                out.add(item);
            }
        }
        return out;
    }

    /** The item's state; {@link SyncState#DISABLED} for an unknown id. */
    public SyncState getSyncState(String id) {
        VaultItem item = items.get(id);
        return item == null ? SyncState.DISABLED : item.syncState();
    }

    /** {@code {itemId, syncState, version}}, or null for an unknown id. */
    public ItemMetadata getMetadata(String id) {
        VaultItem item = items.get(id);
        return item == null ? null : new ItemMetadata(id, item.syncState(), versions.get(id));
    }

    /** The item's open conflicts as last recorded by the room binding (empty for none or an unknown id). */
    public List<FieldConflict> conflicts(String id) {
        return localState(id).conflicts();
    }

    /** Fields ("name" for the name) the player changed in this shared item that no peer has confirmed yet. */
    public Set<String> unsyncedFields(String id) {
        return localState(id).unsyncedFields();
    }

    private ItemLocalState localState(String id) {
        return localStates.getOrDefault(id, ItemLocalState.NONE);
    }

    /** The storage record of the item as this store writes it, or null for an unknown id. */
    public String record(String id) {
        VaultItem item = items.get(id);
        return item == null ? null : ItemRecords.toJson(item, versions.get(id), localState(id));
    }

    /** A fresh id no item of this vault has. */
    public String newId() {
        String id;
        do {
            id = Uuid.v4(random);
        } while (items.containsKey(id));
        return id;
    }

    // ---- the seed's operations

    /**
     * Stores a new item: missing fields take their defaults, {@code lastModified = now}, state {@code pending} when
     * sync is on, else {@code disabled}, version 1.
     *
     * @throws DuplicateItemIdException when the id exists (the existing item is not touched)
     * @throws InvalidItemException when a field breaks a rule
     */
    public VaultItem addItem(VaultItem item) {
        if (items.containsKey(item.id())) {
            throw new DuplicateItemIdException(item.id());
        }
        if (item.id().isEmpty() || item.id().length() > 100) {
            throw new InvalidItemException(List.of(new FieldError("id", "Id must be 1 to 100 characters")));
        }
        Map<String, Object> data = ItemView.withDefaults(item.type(), item.data());
        List<FieldError> errors = ItemValidator.validate(item.type(), item.name(), data, false);
        if (errors.isEmpty() && item.type() == ItemType.FORCE) {
            errors = ForceRules.check(null, data, items::get);
        }
        if (!errors.isEmpty()) {
            throw new InvalidItemException(errors);
        }
        normalise(item.type(), data);
        VaultItem stored = new VaultItem(item.id(), item.type(), item.name(), data, item.syncEnabled(),
                item.syncEnabled() ? SyncState.PENDING : SyncState.DISABLED, clock.getAsLong(), null, 0,
                item.importedFrom());
        put(stored, 1, VaultChange.Kind.ADDED, null, VaultChange.Origin.USER);
        return stored;
    }

    /** Removes the item and its metadata; an unknown id is a no-op. */
    public void removeItem(String id) {
        VaultItem before = items.remove(id);
        if (before == null) {
            return;
        }
        versions.remove(id);
        localStates.remove(id);
        storage.delete(id, persisted("remove " + id));
        notify(new VaultChange(VaultChange.Kind.REMOVED, id, before, null, VaultChange.Origin.USER));
    }

    /**
     * Merges the patch into the item (name and/or data fields), {@code lastModified} moves forward (never back),
     * version + 1. Returns the updated item, or null for an unknown id (a no-op).
     *
     * @throws InvalidItemException when the result would break a rule (nothing changes)
     */
    public VaultItem updateItem(String id, ItemPatch patch) {
        VaultItem before = items.get(id);
        if (before == null) {
            return null;
        }
        List<FieldError> errors = ItemValidator.unknownFields(before.type(), patch.fields().keySet());
        Map<String, Object> data = new LinkedHashMap<>(before.data());
        data.putAll(patch.fields());
        String name = patch.name() != null ? patch.name() : before.name();
        if (errors.isEmpty()) {
            errors.addAll(ItemValidator.validate(before.type(), name, data, true));
        }
        if (errors.isEmpty() && before.type() == ItemType.FORCE) {
            errors.addAll(ForceRules.check(before.data(), data, items::get));
        }
        if (!errors.isEmpty()) {
            throw new InvalidItemException(errors);
        }
        normalise(before.type(), data);
        VaultItem after = before.with(name, data, Math.max(clock.getAsLong(), before.lastModified()), null);
        if (after.syncEnabled() && after.syncState() == SyncState.SYNCED) {
            after = after.withState(SyncState.PENDING, after.lastSynced());
        }
        if (after.syncEnabled()) {
            Set<String> unsynced = new LinkedHashSet<>(unsyncedFields(id));
            if (!after.name().equals(before.name())) {
                unsynced.add(ItemLayout.NAME);
            }
            for (String key : patch.fields().keySet()) {
                if (!JsonValues.same(before.data().get(key), after.data().get(key))) {
                    unsynced.add(key);
                }
            }
            putLocalState(id, localState(id).withUnsyncedFields(unsynced));
        }
        put(after, versions.get(id) + 1, VaultChange.Kind.UPDATED, before, VaultChange.Origin.USER);
        return after;
    }

    /** Turns sharing on ({@code pending}) or off ({@code disabled}); an unknown id is a no-op. */
    public void toggleSync(String id, boolean enabled) {
        VaultItem before = items.get(id);
        if (before == null) {
            return;
        }
        VaultItem after = before.withSync(enabled, enabled ? SyncState.PENDING : SyncState.DISABLED);
        if (!enabled) {
            putLocalState(id, localState(id).allSynced()); // shared again, it starts a new entry
        }
        put(after, versions.get(id), VaultChange.Kind.UPDATED, before, VaultChange.Origin.USER);
    }

    /**
     * An independent copy of a peer's item: a fresh collision-free id, sync off, no {@code lastModifiedBy} or
     * {@code lastSynced}, the same type, name and (deep-copied) data, version 1.
     */
    public VaultItem importFromPeer(VaultItem peerItem) {
        return importFromPeer(peerItem, id -> null);
    }

    /**
     * As {@link #importFromPeer(VaultItem)}; a force also brings the pilots and units it references: a reference
     * to an item this vault holds (the same id, or a copy imported from it earlier) links to it, one that
     * {@code peerItems} can give is imported too (with a new id), and one that neither knows is left empty.
     * All or nothing: if any copy is invalid, nothing is added.
     */
    public VaultItem importFromPeer(VaultItem peerItem, ItemLookup peerItems) {
        List<VaultItem> added = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>(peerItem.data());
        if (peerItem.type() == ItemType.FORCE) {
            List<Assignment> remapped = new ArrayList<>();
            for (Assignment assignment : Assignment.parseAll(data.get("assignments"))) {
                remapped.add(new Assignment(assignment.slot(), assignment.position(),
                        localCopyOf(assignment.pilotId(), ItemType.PILOT, peerItems, added),
                        localCopyOf(assignment.unitId(), ItemType.UNIT, peerItems, added)));
            }
            data.put("assignments", Assignment.toJson(remapped));
        }
        VaultItem copy = copyOf(peerItem, data, reserveId(added));
        added.add(copy);
        for (VaultItem item : added) {
            ItemValidator.require(item.type(), item.name(), item.data(), true);
        }
        for (VaultItem item : added) {
            put(item, 1, VaultChange.Kind.ADDED, null, VaultChange.Origin.USER);
        }
        return copy;
    }

    private String localCopyOf(String peerId, ItemType type, ItemLookup peerItems, List<VaultItem> added) {
        if (peerId == null) {
            return null;
        }
        VaultItem same = items.get(peerId);
        if (same != null && same.type() == type) {
            return peerId;
        }
        for (VaultItem item : items.values()) {
            if (peerId.equals(item.importedFrom()) && item.type() == type) {
                return item.id();
            }
        }
        for (VaultItem item : added) {
            if (peerId.equals(item.importedFrom())) {
                return item.id();
            }
        }
        VaultItem peerItem = peerItems.find(peerId);
        if (peerItem == null || peerItem.type() != type) {
            return null;
        }
        VaultItem copy = copyOf(peerItem, peerItem.data(), reserveId(added));
        added.add(copy);
        return copy.id();
    }

    private String reserveId(List<VaultItem> added) {
        while (true) {
            String id = newId();
            boolean taken = false;
            for (VaultItem item : added) {
                taken |= item.id().equals(id);
            }
            if (!taken) {
                return id;
            }
        }
    }

    private VaultItem copyOf(VaultItem peerItem, Map<String, Object> data, String id) {
        return new VaultItem(id, peerItem.type(), peerItem.name(), data, false, SyncState.DISABLED,
                clock.getAsLong(), null, 0, peerItem.id());
    }

    /** Assignments sorted by slot with their positions spelled out, so every replica stores them alike. */
    private static void normalise(ItemType type, Map<String, Object> data) {
        if (type == ItemType.FORCE && data.get("assignments") instanceof List<?> list) {
            data.put("assignments", Assignment.toJson(Assignment.bySlot(Assignment.parseAll(list))));
        }
    }

    // ---- listeners

    public Cancellable addListener(VaultListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- for the room binding, the file import and other tabs (package-private: not the UI's API)

    /** Adds an item as given (times and local fields included), e.g. from an export file; version 1. */
    void addPrepared(VaultItem item) {
        put(item, 1, VaultChange.Kind.ADDED, null, VaultChange.Origin.USER);
    }

    /** A peer's edit of a shared item arrived: name and data replaced, version + 1. False if nothing changed. */
    boolean applyPeerEdit(String id, String name, Map<String, Object> data, String byName) {
        VaultItem before = items.get(id);
        if (before == null || (before.name().equals(name) && JsonValues.same(before.data(), data))) {
            return false;
        }
        VaultItem after = before.with(name, data, Math.max(clock.getAsLong(), before.lastModified()), byName);
        put(after, versions.get(id) + 1, VaultChange.Kind.UPDATED, before, VaultChange.Origin.PEER);
        return true;
    }

    void setSyncState(String id, SyncState state, long lastSynced) {
        VaultItem before = items.get(id);
        if (before == null || !before.syncEnabled() || (before.syncState() == state
                && before.lastSynced() == lastSynced)) {
            return;
        }
        if (state == SyncState.SYNCED) {
            putLocalState(id, localState(id).allSynced()); // a peer holds our latest change
        }
        put(before.withState(state, lastSynced), versions.get(id), VaultChange.Kind.UPDATED, before,
                VaultChange.Origin.SYNC);
    }

    /**
     * Records the item's open conflicts (replacing what was recorded) and stores them with the item; no listener
     * is told (the item did not change). An unknown id is a no-op.
     */
    void setConflicts(String id, List<FieldConflict> open) {
        if (items.containsKey(id) && !conflicts(id).equals(open)) {
            putLocalState(id, localState(id).withConflicts(open));
            storage.put(id, record(id), persisted("save " + id));
        }
    }

    private void putLocalState(String id, ItemLocalState state) {
        if (state.isEmpty()) {
            localStates.remove(id);
        } else {
            localStates.put(id, state);
        }
    }

    /** Another tab stored this record: take it over without writing it back. */
    public void applyStoredRecord(String record) throws InvalidRecordException {
        ItemRecords.Stored stored = ItemRecords.fromJson(record);
        VaultItem before = items.put(stored.item().id(), stored.item());
        versions.put(stored.item().id(), stored.version());
        putLocalState(stored.item().id(), stored.local());
        notify(new VaultChange(before == null ? VaultChange.Kind.ADDED : VaultChange.Kind.UPDATED,
                stored.item().id(), before, stored.item(), VaultChange.Origin.OTHER_TAB));
    }

    /** Another tab removed this item. */
    public void applyStoredRemoval(String id) {
        VaultItem before = items.remove(id);
        versions.remove(id);
        localStates.remove(id);
        if (before != null) {
            notify(new VaultChange(VaultChange.Kind.REMOVED, id, before, null, VaultChange.Origin.OTHER_TAB));
        }
    }

    private void put(VaultItem item, int version, VaultChange.Kind kind, VaultItem before, VaultChange.Origin origin) {
        items.put(item.id(), item);
        versions.put(item.id(), version);
        storage.put(item.id(), record(item.id()), persisted("save " + item.id()));
        notify(new VaultChange(kind, item.id(), before, item, origin));
    }

    private StorageCallback<Void> persisted(String what) {
        return new StorageCallback<>() {
            @Override
            public void done(Void result) {
            }

            @Override
            public void failed(String message) {
                for (VaultListener listener : new ArrayList<>(listeners)) {
                    listener.onStorageError("Could not " + what + ": " + message);
                }
            }
        };
    }

    private void notify(VaultChange change) {
        for (VaultListener listener : new ArrayList<>(listeners)) {
            listener.onChange(change);
        }
    }
}
