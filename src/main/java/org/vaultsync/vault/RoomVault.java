package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.vaultsync.common.Cancellable;
import org.vaultsync.crdt.Doc;
import org.vaultsync.crdt.Subscription;
import org.vaultsync.crdt.encoding.DecodingException;
import org.vaultsync.crdt.id.Id;
import org.vaultsync.crdt.id.StateVector;
import org.vaultsync.crdt.structs.Item;
import org.vaultsync.crdt.structs.Struct;
import org.vaultsync.crdt.types.YEvent;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.presence.PeerIdentity;
import org.vaultsync.sync.SyncEvent;
import org.vaultsync.sync.SyncEventListener;
import org.vaultsync.sync.SyncEvents;
import org.vaultsync.sync.YDocSyncDocument;
import org.vaultsync.sync.mesh.PeerChannel;

/**
 * Binds the local vault to one room's document while the player is in that room (product.md §3, flaws 5–7):
 * shared items are published on {@link #attach}, the user's edits of them go into the room field by field, peers'
 * edits of them come back into the vault, and items that are not shared are never touched by anything from the
 * room. Other peers' shared items are listed ({@link #sharedByPeers}) and can be imported or edited in the room.
 *
 * <p>Sync states are truthful: {@code pending} until a peer's state vector covers the item's latest change (then
 * {@code synced} with {@code lastSynced}), {@code syncing} during the room's initial sync, {@code conflict} when a
 * peer's concurrent edit of a field overwrote ours without having seen it (both values kept, see
 * {@link #conflicts}). {@link #detach} (leaving or switching rooms) leaves the vault exactly as it was.
 */
public final class RoomVault {
    private static final int MAX_PROBLEMS = 100;

    private final VaultStore store;
    private final YDocSyncDocument room;
    private final Doc doc;
    private final YMap root;
    private final Supplier<PeerIdentity> self;
    private final IntFunction<String> presentNames;
    private final LongSupplier clock;
    private final Map<String, SharedItem> sharedByPeers = new LinkedHashMap<>();
    private final Set<String> published = new LinkedHashSet<>();
    /** Shared items whose entries wait for the first sync, because the document started empty (see attach). */
    private final Set<String> deferred = new LinkedHashSet<>();
    /** Per shared item of ours: the (client, clock) a peer must hold for its latest change to be synced. */
    private final Map<String, int[]> awaiting = new HashMap<>();
    /** The highest clock per client any peer has told us it holds. */
    private final Map<Integer, Integer> peerClocks = new HashMap<>();
    /** Per item and field: our latest value there and the id of the struct holding it (to detect overwrites). */
    private final Map<String, Map<String, OwnWrite>> ownWrites = new HashMap<>();
    private final Map<String, Map<String, FieldConflict>> conflicts = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final BiConsumer<byte[], Object> stateListener = this::onRemoteStateVector;
    private final SyncEventListener eventListener = this::onSyncEvent;
    private Subscription roomObserver;
    private Cancellable storeSubscription;
    private SyncEvents events;
    private boolean syncing;
    /** The document started empty on attach: our entries may exist at peers, so none is created before a sync. */
    private boolean rebuilding;

    /** Our value of a field and the struct holding it (a plain class: nothing compares or prints it). */
    private static final class OwnWrite {
        final Id id;
        final Object value;

        OwnWrite(Id id, Object value) {
            this.id = id;
            this.value = value;
        }
    }

    /**
     * {@code presentNames}: the name the room's presence shows for a Yjs client id, or null (it names the author
     * of a value that won over ours when the item's {@code lastModifiedBy} cannot).
     */
    public RoomVault(VaultStore store, YDocSyncDocument room, Supplier<PeerIdentity> self,
                     IntFunction<String> presentNames, LongSupplier clock) {
        this.store = store;
        this.presentNames = presentNames;
        this.room = room;
        this.doc = room.doc();
        this.root = doc.getMap(ItemLayout.ROOT);
        this.self = self;
        this.clock = clock;
        for (VaultItem item : store.items()) {
            List<FieldConflict> stored = store.conflicts(item.id());
            if (!stored.isEmpty()) { // recorded before a reload: the conflict view shows them again
                Map<String, FieldConflict> perField = new LinkedHashMap<>();
                for (FieldConflict conflict : stored) {
                    perField.put(conflict.field(), conflict);
                }
                conflicts.put(item.id(), perField);
            }
        }
    }

    // ---- lifecycle

    /** Starts sharing: publishes every shared item, reads what peers share, follows both sides from now on. */
    public void attach(SyncEvents sessionEvents) {
        if (storeSubscription != null) {
            return;
        }
        events = sessionEvents;
        // An empty document (a first visit, or the room's data was forgotten) may be missing entries that peers
        // hold: a new entry would replace theirs as a whole, with every field peers edited meanwhile. So entries
        // wait for the first sync and are then taken over field by field (adopt) or created.
        rebuilding = events != null && doc.store().clients().isEmpty();
        storeSubscription = store.addListener(this::onVaultChange);
        roomObserver = root.observeDeep(this::onRoomEvents);
        room.addRemoteStateListener(stateListener);
        room.setConfirmsReceivedUpdates(true);
        if (events != null) {
            events.add(eventListener);
        }
        doc.transact(t -> {
            for (VaultItem item : store.items()) {
                if (item.syncEnabled()) {
                    publish(item);
                }
            }
            withdrawUnshared();
        }, this);
        for (String id : root.keys()) {
            if (!published.contains(id)) {
                readEntry(id);
            }
        }
        changed();
    }

    /** Stops following the room (leave or switch). The vault keeps every item, field and state as it is. */
    public void detach() {
        if (storeSubscription == null) {
            return;
        }
        storeSubscription.cancel();
        storeSubscription = null;
        roomObserver.unsubscribe();
        room.removeRemoteStateListener(stateListener);
        room.setConfirmsReceivedUpdates(false);
        if (events != null) {
            events.remove(eventListener);
        }
        sharedByPeers.clear();
        published.clear();
        deferred.clear();
        rebuilding = false;
        awaiting.clear();
        ownWrites.clear();
        changed();
    }

    // ---- what the UI reads

    /** Other peers' shared items, with their owners' display names. */
    public List<SharedItem> sharedByPeers() {
        return new ArrayList<>(sharedByPeers.values());
    }

    /** Open conflicts, oldest first. */
    public List<FieldConflict> conflicts() {
        List<FieldConflict> out = new ArrayList<>();
        for (Map<String, FieldConflict> perItem : conflicts.values()) {
            out.addAll(perItem.values());
        }
        return out;
    }

    /** What peers wrote that did not fit the layout and was ignored (most recent last, at most 100). */
    public List<String> problems() {
        return new ArrayList<>(problems);
    }

    /** Called after anything {@link #sharedByPeers}, {@link #conflicts} or {@link #problems} show has changed. */
    public Cancellable addListener(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- what the UI does

    /** Imports a peer's shared item (a force with its pilots and units) into the vault; null if it is gone. */
    public VaultItem importShared(String itemId) {
        SharedItem shared = sharedByPeers.get(itemId);
        if (shared == null) {
            return null;
        }
        return store.importFromPeer(shared.item(), id -> {
            SharedItem referenced = sharedByPeers.get(id);
            return referenced == null ? null : referenced.item();
        });
    }

    /**
     * Edits an item in the room: ours through the vault (as {@link VaultStore#updateItem}), a peer's directly in
     * the room (the owner's vault follows). Throws {@link InvalidItemException} and changes nothing if invalid.
     */
    public void editShared(String itemId, ItemPatch patch) {
        if (published.contains(itemId)) {
            store.updateItem(itemId, patch);
            return;
        }
        SharedItem shared = sharedByPeers.get(itemId);
        if (shared == null || !(root.get(itemId) instanceof YMap entry)) {
            return;
        }
        VaultItem item = shared.item();
        Map<String, Object> data = new LinkedHashMap<>(item.data());
        data.putAll(patch.fields());
        String name = patch.name() != null ? patch.name() : item.name();
        List<FieldError> errors = ItemValidator.unknownFields(item.type(), patch.fields().keySet());
        errors.addAll(ItemValidator.validate(item.type(), name, data, true));
        if (!errors.isEmpty()) {
            throw new InvalidItemException(errors);
        }
        // only the patched fields are written: fields the writer of the entry left out stay out
        VaultItem edited = item.with(name, patch.fields(), clock.getAsLong(), self.get().name());
        write(itemId, () -> ItemLayout.writeDifferences(entry, edited, self.get(), clock.getAsLong()));
        readEntry(itemId);
        changed();
    }

    /** Resolves a conflict with our value: written again, now having seen theirs, so it wins everywhere. */
    public void keepMine(String itemId, String field) {
        FieldConflict conflict = takeConflict(itemId, field);
        if (conflict == null) {
            return;
        }
        ItemPatch patch = field.equals(ItemLayout.NAME) ? ItemPatch.name((String) conflict.mine())
                : ItemPatch.field(field, conflict.mine());
        settleState(itemId);
        editShared(itemId, patch);
        changed();
    }

    /** Resolves a conflict with their value, which the item already shows. */
    public void keepTheirs(String itemId, String field) {
        if (takeConflict(itemId, field) != null) {
            settleState(itemId);
            changed();
        }
    }

    // ---- local changes → room

    private void onVaultChange(VaultChange change) {
        VaultChange.Origin origin = change.origin();
        if (origin == VaultChange.Origin.OTHER_TAB) {
            if (sameSharedContent(change.before(), change.after())) {
                return; // another tab recorded only a sync state or conflicts: nothing the room holds changed
            }
        } else if (origin != VaultChange.Origin.USER) {
            return; // peers' edits came from the room; sync states are ours
        }
        VaultItem before = change.before();
        VaultItem after = change.after();
        if (after != null && after.syncEnabled()) {
            publish(after);
        } else if (before != null && before.syncEnabled()) {
            unpublish(change.itemId());
        }
    }

    /**
     * Whether two versions of an item hold the same content for the room (name, fields, sharing). Another tab's
     * change reaches this tab's vault after it landed in IndexedDB; when that tab is outside this room (or in no
     * room), nobody else publishes it, so this tab does. When it is in this room too, it has already written the
     * room, and {@link ItemLayout#writeDifferences} finds nothing left to write. A change of local state alone
     * must not be published back, or two tabs in one room would answer each other's sync-state writes forever.
     */
    private static boolean sameSharedContent(VaultItem before, VaultItem after) {
        if (before == null || after == null) {
            return before == after;
        }
        return before.syncEnabled() == after.syncEnabled() && before.name().equals(after.name())
                && JsonValues.same(before.data(), after.data());
    }

    private void publish(VaultItem item) {
        String id = item.id();
        if (rebuilding && !published.contains(id)) {
            deferred.add(id);
            VaultItem current = store.item(id);
            if (current != null && current.syncState() != SyncState.CONFLICT) {
                store.setSyncState(id, syncing ? SyncState.SYNCING : SyncState.PENDING, current.lastSynced());
            }
            return;
        }
        Object existing = root.get(id);
        if (existing instanceof YMap entry && self.get().id().equals(entry.get(ItemLayout.OWNER_ID))) {
            write(id, () -> ItemLayout.writeDifferences(entry, item, self.get(), clock.getAsLong()));
        } else if (existing == null || published.contains(id)) {
            write(id, () -> root.set(id, ItemLayout.newEntry(item, self.get())));
        } else {
            report("Item " + id + " is not shared: the room already has an item with its id from another owner");
            return;
        }
        published.add(id);
        int client = doc.clientId();
        awaiting.put(id, new int[] {client, doc.store().state(client)});
        VaultItem current = store.item(id);
        if (current != null && current.syncState() != SyncState.CONFLICT) {
            store.setSyncState(id, syncing ? SyncState.SYNCING : SyncState.PENDING, current.lastSynced());
        }
        checkAwaiting();
    }

    /** An entry of ours we no longer share (unshared or deleted while away from this room) stops here. */
    private void withdrawUnshared() {
        for (String id : root.keys()) {
            if (!published.contains(id) && !deferred.contains(id) && root.get(id) instanceof YMap entry
                    && self.get().id().equals(entry.get(ItemLayout.OWNER_ID))) {
                root.delete(id);
            }
        }
    }

    /**
     * The first sync of a document that started empty is done: each waiting item takes over the entry peers kept
     * for it, or gets a new one; entries of ours we no longer share are withdrawn.
     */
    private void publishDeferred() {
        rebuilding = false;
        List<String> waiting = new ArrayList<>(deferred);
        deferred.clear();
        doc.transact(t -> {
            for (String id : waiting) {
                VaultItem item = store.item(id);
                if (item != null && item.syncEnabled()) {
                    if (root.get(id) instanceof YMap entry && self.get().id().equals(entry.get(ItemLayout.OWNER_ID))) {
                        adopt(item, entry);
                    }
                    publish(store.item(id));
                }
            }
            withdrawUnshared();
        }, this);
        for (String id : root.keys()) {
            if (!published.contains(id)) {
                readEntry(id);
            }
        }
    }

    /**
     * Takes over an entry of ours that peers kept while our document was gone: the room's value of every field
     * stays, except the fields we changed that no peer has confirmed ({@link VaultStore#unsyncedFields}), which
     * {@link #publish} then writes into the entry. Without this, our stale values would overwrite what peers edited.
     */
    private void adopt(VaultItem local, YMap entry) {
        ItemLayout.Decoded decoded = ItemLayout.read(local.id(), entry);
        if (!decoded.usable()) {
            return; // publish repairs it with our values
        }
        Set<String> ours = store.unsyncedFields(local.id());
        Map<String, Object> data = new LinkedHashMap<>(local.data());
        for (Map.Entry<String, Object> field : decoded.validFields().entrySet()) {
            if (!ours.contains(field.getKey())) {
                data.put(field.getKey(), field.getValue());
            }
        }
        String name = decoded.nameValid() && !ours.contains(ItemLayout.NAME) ? decoded.item().name() : local.name();
        String by = decoded.item().lastModifiedBy();
        store.applyPeerEdit(local.id(), name, data, by == null || by.equals(self.get().name()) ? null : by);
    }

    /** Stops sharing: the room entry goes; peers' own (imported) copies are theirs and stay. */
    private void unpublish(String id) {
        deferred.remove(id);
        if (published.remove(id) && root.get(id) instanceof YMap entry
                && self.get().id().equals(entry.get(ItemLayout.OWNER_ID))) {
            doc.transact(t -> root.delete(id), this);
        }
        awaiting.remove(id);
        ownWrites.remove(id);
        if (conflicts.remove(id) != null) {
            recordConflicts(id);
            changed();
        }
    }

    /** Runs a write to item {@code id} as one transaction and remembers which struct now holds each field we set. */
    private void write(String id, Runnable body) {
        int client = doc.clientId();
        int clockBefore = doc.store().state(client);
        doc.transact(t -> body.run(), this);
        if (root.get(id) instanceof YMap entry) {
            Map<String, OwnWrite> writes = ownWrites.get(id); // get and put: a lambda is a class of its own in JS
            if (writes == null) {
                writes = new HashMap<>();
                ownWrites.put(id, writes);
            }
            remember(writes, ItemLayout.NAME, entry.map.get(ItemLayout.NAME), entry.get(ItemLayout.NAME), client,
                    clockBefore);
            if (entry.get(ItemLayout.DATA) instanceof YMap data) {
                ItemType type = entry.get(ItemLayout.TYPE) instanceof String wire ? ItemType.byWire(wire) : null;
                for (String key : data.keys()) {
                    FieldSpec spec = type == null ? null : ItemSchema.field(type, key);
                    if (spec != null && isAtomic(spec)) {
                        remember(writes, key, data.map.get(key), ItemLayout.localValue(spec, data.get(key)), client,
                                clockBefore);
                    }
                }
            }
        }
    }

    private static void remember(Map<String, OwnWrite> writes, String field, Item holder, Object value, int client,
                                 int clockBefore) {
        if (holder != null && holder.client == client && holder.clock >= clockBefore && !holder.isDeleted()) {
            writes.put(field, new OwnWrite(new Id(holder.client, holder.clock), value));
        }
    }

    /** Fields whose whole value one write replaces: a concurrent write of the same field is a conflict. */
    private static boolean isAtomic(FieldSpec spec) {
        FieldKind kind = spec.kind();
        return kind == FieldKind.TEXT || kind.isNumber() || kind == FieldKind.CHOICE
                || kind == FieldKind.LONG_TEXT && !TextFieldCodec.mergesConcurrentEdits();
    }

    // ---- room → local

    private void onRoomEvents(List<YEvent> roomEvents) {
        if (roomEvents.isEmpty() || roomEvents.get(0).transaction().origin() == this) {
            return;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (YEvent event : roomEvents) {
            List<Object> path = event.path();
            if (path.isEmpty()) {
                ids.addAll(event.keysChanged());
            } else if (path.get(0) instanceof String id) {
                ids.add(id);
            }
        }
        for (String id : ids) {
            readEntry(id);
        }
        changed();
    }

    /** Takes in what the room holds for {@code id}; never changes an item of the vault that is not shared. */
    private void readEntry(String id) {
        Object raw = root.get(id);
        VaultItem local = store.item(id);
        boolean ours = local != null && local.syncEnabled() && published.contains(id);
        if (raw == null) {
            sharedByPeers.remove(id);
            if (ours) {
                publish(local); // someone removed our entry: we still share it (and its conflicts stay open)
            } else {
                conflicts.remove(id);
            }
            return;
        }
        ItemLayout.Decoded decoded = ItemLayout.read(id, raw);
        for (String problem : decoded.problems()) {
            report(problem);
        }
        if (!decoded.usable()) {
            sharedByPeers.remove(id);
            if (ours) {
                write(id, () -> root.set(id, ItemLayout.newEntry(local, self.get()))); // repair our entry
            }
            return;
        }
        if (!decoded.ownerId().equals(self.get().id())) {
            if (ours) {
                report("Shared item " + id + ": a peer claimed it as theirs; our copy is kept");
                write(id, () -> ((YMap) raw).set(ItemLayout.OWNER_ID, self.get().id()));
                return;
            }
            sharedByPeers.put(id, new SharedItem(decoded.item(), decoded.ownerId(), decoded.ownerName()));
            detectConflicts(id, (YMap) raw, decoded);
            return;
        }
        if (!ours) {
            return; // an entry naming us that we do not share (any more): nothing of ours to change
        }
        detectConflicts(id, (YMap) raw, decoded);
        Map<String, Object> data = new LinkedHashMap<>(local.data());
        data.putAll(decoded.validFields());
        String name = decoded.nameValid() ? decoded.item().name() : local.name();
        String by = decoded.item().lastModifiedBy();
        store.applyPeerEdit(id, name, data, by == null || by.equals(self.get().name()) ? null : by);
        if (decoded.problems().size() > 0) {
            VaultItem repaired = store.item(id);
            write(id, () -> ItemLayout.writeDifferences((YMap) raw, repaired, self.get(), clock.getAsLong()));
        }
    }

    private void detectConflicts(String id, YMap entry, ItemLayout.Decoded decoded) {
        Map<String, OwnWrite> writes = ownWrites.get(id);
        if (writes == null) {
            return;
        }
        for (String field : new ArrayList<>(writes.keySet())) {
            OwnWrite own = writes.get(field);
            boolean isName = field.equals(ItemLayout.NAME);
            YMap container = isName ? entry : entry.get(ItemLayout.DATA) instanceof YMap data ? data : null;
            Item winner = container == null ? null : container.map.get(field);
            if (winner == null || contains(winner, own.id)) {
                continue;
            }
            writes.remove(field);
            if (winner.isDeleted() || sawOurs(winner, own.id)) {
                continue; // an edit made after seeing ours: ordinary collaboration
            }
            Object theirs = isName ? decoded.item().name() : decoded.validFields().get(field);
            if (theirs == null || JsonValues.same(theirs, own.value)) {
                continue;
            }
            Map<String, FieldConflict> itemConflicts = conflicts.get(id);
            if (itemConflicts == null) {
                itemConflicts = new LinkedHashMap<>();
                conflicts.put(id, itemConflicts);
            }
            itemConflicts.put(field, new FieldConflict(id, field, own.value, theirs, authorOf(entry, winner, decoded)));
            VaultItem local = store.item(id);
            if (local != null && published.contains(id)) {
                store.setSyncState(id, SyncState.CONFLICT, local.lastSynced());
                recordConflicts(id);
            }
        }
    }

    /**
     * Who wrote the value that won over ours. {@code lastModifiedBy} is written only when the editor changes, so
     * after concurrent edits it may name someone else, even us (the winner, already the last editor, did not write
     * it again); it counts only if the winner's client wrote it. Else the name presence has shown for that client in
     * this room; else unknown (the view says "a peer").
     */
    private String authorOf(YMap entry, Item winner, ItemLayout.Decoded decoded) {
        Item named = entry.map.get(ItemLayout.LAST_MODIFIED_BY);
        if (named != null && !named.isDeleted() && named.client == winner.client) {
            return decoded.item().lastModifiedBy();
        }
        return presentNames.apply(winner.client);
    }

    /** Whether {@code item} was written after its writer had seen the struct {@code ours} (via origins). */
    private boolean sawOurs(Item item, Id ours) {
        Id origin = item.origin;
        for (int steps = 0; origin != null && steps < 100_000; steps++) {
            Struct struct = doc.store().find(origin);
            if (contains(struct, ours)) {
                return true;
            }
            if (!(struct instanceof Item previous)) {
                return true; // collected history: we cannot tell, so do not cry conflict
            }
            origin = previous.origin;
        }
        return false;
    }

    private static boolean contains(Struct struct, Id id) {
        return struct.client == id.client && struct.clock <= id.clock && id.clock < struct.clock + struct.length;
    }

    // ---- sync states

    private void onRemoteStateVector(byte[] encoded, Object origin) {
        if (origin instanceof PeerChannel channel && channel.isBroadcast()) {
            return; // another tab of this browser is not another peer
        }
        StateVector vector;
        try {
            vector = StateVector.decode(encoded);
        } catch (DecodingException e) {
            return;
        }
        for (Integer client : vector.clients()) {
            // not Map.merge(…, Math::max): its default method and the lambda class would be in the client for this alone
            Integer known = peerClocks.get(client);
            peerClocks.put(client, known == null ? vector.get(client) : Math.max(known, vector.get(client)));
        }
        checkAwaiting();
    }

    private void onSyncEvent(SyncEvent event) {
        if (event instanceof SyncEvent.SyncStarted) {
            syncing = true;
            List<String> shown = new ArrayList<>(awaiting.keySet());
            shown.addAll(deferred);
            for (String id : shown) {
                VaultItem item = store.item(id);
                if (item != null && item.syncState() == SyncState.PENDING) {
                    store.setSyncState(id, SyncState.SYNCING, item.lastSynced());
                }
            }
        } else if (event instanceof SyncEvent.SyncCompleted) {
            syncing = false;
            if (rebuilding) {
                publishDeferred();
            }
            for (VaultItem item : store.items()) {
                if (item.syncState() == SyncState.SYNCING) {
                    store.setSyncState(item.id(), SyncState.PENDING, item.lastSynced());
                }
            }
            checkAwaiting();
        }
    }

    private void checkAwaiting() {
        for (String id : new ArrayList<>(awaiting.keySet())) {
            int[] need = awaiting.get(id);
            if (peerClocks.getOrDefault(need[0], 0) >= need[1]) {
                awaiting.remove(id);
                VaultItem item = store.item(id);
                if (item != null && item.syncState() != SyncState.CONFLICT) {
                    store.setSyncState(id, SyncState.SYNCED, clock.getAsLong());
                }
            }
        }
    }

    private FieldConflict takeConflict(String itemId, String field) {
        Map<String, FieldConflict> perItem = conflicts.get(itemId);
        FieldConflict conflict = perItem == null ? null : perItem.remove(field);
        if (perItem != null && perItem.isEmpty()) {
            conflicts.remove(itemId);
        }
        if (conflict != null) {
            recordConflicts(itemId);
        }
        return conflict;
    }

    /**
     * Keeps the open conflicts of one of our items with the item in the vault (local only), so that they are
     * still there after a reload. Conflicts on peers' items have no vault item to live in and last as long as
     * this binding.
     */
    private void recordConflicts(String itemId) {
        Map<String, FieldConflict> perItem = conflicts.get(itemId);
        store.setConflicts(itemId, perItem == null ? List.of() : new ArrayList<>(perItem.values()));
    }

    /** After a resolution: out of {@code conflict} once no field of the item is in conflict any more. */
    private void settleState(String itemId) {
        VaultItem item = store.item(itemId);
        if (item == null || conflicts.containsKey(itemId) || item.syncState() != SyncState.CONFLICT) {
            return;
        }
        store.setSyncState(itemId, awaiting.containsKey(itemId) ? SyncState.PENDING : SyncState.SYNCED,
                awaiting.containsKey(itemId) ? item.lastSynced() : clock.getAsLong());
    }

    private void report(String problem) {
        problems.add(problem);
        if (problems.size() > MAX_PROBLEMS) {
            problems.remove(0);
        }
    }

    private void changed() {
        for (Runnable listener : new ArrayList<>(listeners)) {
            listener.run();
        }
    }
}
