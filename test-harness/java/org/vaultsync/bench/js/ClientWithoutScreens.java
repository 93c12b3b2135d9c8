package org.vaultsync.bench.js;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.vaultsync.browser.BrowserNativeJson;
import org.vaultsync.browser.BrowserNativeText;
import org.vaultsync.browser.BrowserSyncClient;
import org.vaultsync.browser.BrowserVault;
import org.vaultsync.browser.CryptoRandomBytes;
import org.vaultsync.common.AsciiFold;
import org.vaultsync.common.StorageCallback;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;
import org.vaultsync.presence.LocalIdentity;
import org.vaultsync.presence.PeerIdentity;
import org.vaultsync.room.InvalidRoomCodeException;
import org.vaultsync.room.JoinLink;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.ConnectionStatus;
import org.vaultsync.sync.RoomOptions;
import org.vaultsync.sync.SyncClient;
import org.vaultsync.sync.SyncEvent;
import org.vaultsync.vault.Assignment;
import org.vaultsync.vault.FieldConflict;
import org.vaultsync.vault.FieldError;
import org.vaultsync.vault.FieldSpec;
import org.vaultsync.vault.FieldText;
import org.vaultsync.vault.Force;
import org.vaultsync.vault.ForcePosition;
import org.vaultsync.vault.ForceTotals;
import org.vaultsync.vault.InvalidItemException;
import org.vaultsync.vault.InvalidVaultFileException;
import org.vaultsync.vault.ItemPatch;
import org.vaultsync.vault.ItemQuery;
import org.vaultsync.vault.ItemSchema;
import org.vaultsync.vault.ItemType;
import org.vaultsync.vault.ItemValidator;
import org.vaultsync.vault.JsonValues;
import org.vaultsync.vault.MemoryVaultStorage;
import org.vaultsync.vault.Pilot;
import org.vaultsync.vault.RoomVault;
import org.vaultsync.vault.RoomVaultBinding;
import org.vaultsync.vault.SharedItem;
import org.vaultsync.vault.Unit;
import org.vaultsync.vault.VaultChange;
import org.vaultsync.vault.VaultFile;
import org.vaultsync.vault.VaultImport;
import org.vaultsync.vault.VaultItem;
import org.vaultsync.vault.VaultListener;
import org.vaultsync.vault.VaultStore;
import org.vaultsync.vault.WeightClass;

/**
 * The whole client except its screens, as a JavaScript module: what {@code bin/measure-size} reports as "client
 * without screens". It opens what {@code ui.AppServices} opens (the IndexedDB vault with its tab channel, or the
 * in-memory vault; the sync client with its signaling, WebRTC and BroadcastChannel transports, encryption and
 * presence; the room binding of the vault) and exports, with values as strings and JSON text, every vault, sync,
 * room and presence call the screens' Java code makes (found with {@code javap} on {@code target/classes/.../ui}) plus
 * the query setters the templates call. Nothing of Flavour, the templates or the {@code ui} package is in it, so set
 * against the shipped {@code app.js} it measures what the screens cost. Never shipped, never run by a test: it exists
 * to be compiled and measured.
 */
public final class ClientWithoutScreens {
    private static VaultStore store;
    private static SyncClient sync;
    private static RoomVaultBinding rooms;
    private static final List<String> log = new ArrayList<>();

    private ClientWithoutScreens() {
    }

    @JSFunctor
    public interface Callback extends JSObject {
        void call(String what);
    }

    /** Opens the vault, then the sync client and the room binding, in the order AppServices does. */
    @JSExport
    public static void open(Callback changed) {
        BrowserNativeText.install();
        BrowserNativeJson.install();
        BrowserSyncClient.prefetchLastRoom();
        BrowserVault.open(new StorageCallback<>() {
            @Override
            public void done(BrowserVault opened) {
                follow(opened.store(), changed);
            }

            @Override
            public void failed(String message) {
                VaultStore.open(new MemoryVaultStorage(), () -> (long) now(), new CryptoRandomBytes(),
                        new StorageCallback<>() {
                            @Override
                            public void done(VaultStore memory) {
                                follow(memory, changed);
                            }

                            @Override
                            public void failed(String never) {
                                changed.call(never);
                            }
                        });
            }
        });
    }

    private static void follow(VaultStore opened, Callback changed) {
        store = opened;
        opened.addListener(new VaultListener() {
            @Override
            public void onChange(VaultChange change) {
                VaultItem item = change.after() != null ? change.after() : change.before();
                boolean byPeer = change.origin() == VaultChange.Origin.PEER;
                changed.call(change.itemId() + (item == null ? "" : " " + item.name()) + (byPeer ? " peer" : ""));
            }

            @Override
            public void onStorageError(String message) {
                changed.call(message);
            }
        });
        BrowserSyncClient.start(client -> {
            sync = client;
            client.onStatusChange(status -> changed.call(status.describe((long) now())));
            client.onSyncEvent(event -> changed.call(describe(event)));
            rooms = new RoomVaultBinding(store, client, () -> (long) now());
            rooms.addListener(() -> changed.call("room"));
            client.resumeLastRoom();
        });
    }

    /** What the sync announcer and the screens read of each kind of event. */
    private static String describe(SyncEvent event) {
        if (event instanceof SyncEvent.PeerJoined joined) {
            PeerIdentity peer = joined.peer();
            return peer.id() + peer.name() + peer.color();
        } else if (event instanceof SyncEvent.PeerLeft left) {
            return left.peerId() + left.name();
        } else if (event instanceof SyncEvent.PasswordRequired required) {
            return required.roomCode();
        } else if (event instanceof SyncEvent.StorageError error) {
            return error.message();
        }
        return event instanceof SyncEvent.SyncCompleted ? "completed" : "event";
    }

    // ----- rooms, peers and presence (the Sync pages, the status indicator)

    @JSExport
    public static String createRoom(String password) {
        RoomOptions options = password == null ? RoomOptions.open() : RoomOptions.withPassword(password);
        return sync.createSyncRoom(options).display();
    }

    @JSExport
    public static String joinRoom(String codeOrLink, String password) {
        try {
            RoomCode code = JoinLink.parse(codeOrLink);
            if (code.equals(sync.currentRoom())) {
                return code.value();
            }
            sync.joinSyncRoom(code, password == null ? RoomOptions.open() : RoomOptions.withPassword(password));
            return RoomCode.format(code.value());
        } catch (InvalidRoomCodeException e) {
            return e.getMessage();
        }
    }

    @JSExport
    public static String roomState() {
        ConnectionStatus status = sync.getStatus();
        StringBuilder text = new StringBuilder(status.describe((long) now())).append(status.state().name())
                .append(sync.getConnectionState().ordinal()).append(sync.getConnectedPeerCount())
                .append(sync.isPasswordRoom()).append(sync.shareLink())
                .append(ConnectionStatus.disconnected().state().name());
        for (PeerIdentity peer : sync.getPeers()) {
            text.append(peer.name()).append(LocalIdentity.paletteIndex(peer.color()));
        }
        PeerIdentity self = sync.identity().identity();
        return text.append(self.name()).append(LocalIdentity.colorFor(self.id())).toString();
    }

    @JSExport
    public static void rename(String name) {
        sync.rename(name);
    }

    @JSExport
    public static void leaveRoom(boolean retry) {
        if (retry) {
            sync.retry();
        } else {
            sync.leaveCurrentRoom();
        }
    }

    // ----- the vault (lists, item pages, forces, import and export)

    @JSExport
    public static String addItem(String typeWire, String name, String fieldsJson) throws JsonException {
        ItemType type = ItemType.byWire(typeWire);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = fieldsJson == null ? ItemSchema.defaults(type)
                : (Map<String, Object>) Json.parse(fieldsJson);
        List<FieldError> errors = ItemValidator.validate(type, name, data, true);
        if (!errors.isEmpty()) {
            return errors.get(0).field() + ": " + errors.get(0).message();
        }
        try {
            return store.addItem(VaultItem.of(store.newId(), type, name, data, false)).id();
        } catch (InvalidItemException e) {
            return e.messageFor("name") + e.errors().size() + e.getMessage();
        }
    }

    @JSExport
    public static String editField(String id, String key, String text) {
        VaultItem item = store.item(id);
        FieldSpec spec = ItemSchema.field(item.type(), key);
        FieldText.Parsed parsed = FieldText.parse(spec, text, item.data());
        if (!parsed.ok()) {
            return parsed.error();
        }
        if (JsonValues.same(parsed.value(), item.get(key))) {
            return "same";
        }
        FieldText.Parsed name = FieldText.parseName(item.name());
        ItemPatch patch = ItemPatch.field(key, parsed.value()).set("edited", Boolean.TRUE);
        if (name.ok()) {
            patch = ItemPatch.name((String) name.value()).set(key, parsed.value());
        }
        VaultItem after = store.updateItem(id, patch);
        return FieldText.format(spec, after.get(key)) + patch.fields().size();
    }

    @JSExport
    public static String describeFields(String typeWire) {
        StringBuilder text = new StringBuilder();
        for (FieldSpec spec : ItemSchema.fields(ItemType.byWire(typeWire))) {
            text.append(spec.key()).append(spec.label()).append(spec.kind().ordinal()).append(spec.maxLength())
                    .append(Json.formatNumber(spec.min())).append(Json.formatNumber(spec.max()));
            if (spec.choices() != null) {
                text.append(spec.choices().length);
            }
        }
        return text.toString();
    }

    @JSExport
    public static String list(String typeWire, String search, String kind, String weightClass, String techBase,
            String era, String status, int sort) {
        ItemQuery query = new ItemQuery(ItemType.byWire(typeWire));
        query.setSearch(search);
        query.setKind(kind);
        query.setWeightClass(weightClass);
        query.setTechBase(techBase);
        query.setEra(era);
        query.setStatus(status);
        query.setSort(ItemQuery.Sort.values()[sort]);
        StringBuilder text = new StringBuilder(query.sort().label()).append(query.narrows());
        for (VaultItem item : query.apply(store.getItemsByType(query.type()), store::item)) {
            text.append(item.id()).append(item.name()).append(item.syncState().wire()).append(item.syncEnabled())
                    .append(item.lastModifiedBy()).append(item.importedFrom());
            if (item.type() == ItemType.UNIT) {
                Unit unit = new Unit(item);
                text.append(unit.unitType().label()).append(unit.weightClass().label()).append(unit.era().label())
                        .append(unit.techBase().label()).append(unit.battleValue())
                        .append(WeightClass.ofTonnage(unit.tonnage()).label());
            } else if (item.type() == ItemType.PILOT) {
                Pilot pilot = new Pilot(item);
                text.append(pilot.callsign()).append(pilot.gunnery()).append(pilot.piloting())
                        .append(pilot.status().label()).append(pilot.assignable());
            } else {
                Force force = new Force(item);
                ForceTotals totals = force.totals(store::item);
                text.append(force.forceType().label()).append(force.status().label()).append(force.slots())
                        .append(totals.assignedPilots()).append(totals.assignedUnits()).append(totals.battleValue())
                        .append(totals.emptySlots()).append(Json.formatNumber(totals.tonnage()))
                        .append(Json.formatNumber(totals.averageGunnery()))
                        .append(Json.formatNumber(totals.averagePiloting()));
                for (Assignment assignment : force.assignments()) {
                    text.append(assignment.slot()).append(assignment.position().wire()).append(assignment.pilotId())
                            .append(assignment.unitId());
                }
            }
        }
        query.clear();
        return text.append(AsciiFold.compare(search, AsciiFold.lower(kind))).toString();
    }

    @JSExport
    public static void assign(String forceId, int slot, String position, String pilotId, String unitId) {
        Force force = new Force(store.item(forceId));
        List<Assignment> assignments = new ArrayList<>(force.assignments());
        ForcePosition at = position == null ? Assignment.defaultPosition(slot) : ForcePosition.byWire(position);
        assignments.add(new Assignment(slot, at, pilotId, unitId));
        store.updateItem(forceId, ItemPatch.field("assignments", Assignment.toJson(assignments)));
    }

    @JSExport
    public static void remove(String id, boolean toggleSync) {
        if (toggleSync) {
            store.toggleSync(id, !store.item(id).syncEnabled());
        } else if (store.contains(id)) {
            store.removeItem(id);
        }
    }

    @JSExport
    public static String exportAll() {
        List<String> ids = new ArrayList<>();
        for (VaultItem item : store.items()) {
            ids.add(item.id());
        }
        return VaultFile.export(store, ids, (long) now());
    }

    @JSExport
    public static String importFile(String text) {
        try {
            VaultImport importing = VaultImport.ofFileItems(store, VaultFile.read(text));
            while (importing.step()) {
                log.add(importing.done() + "/" + importing.total());
            }
            return importing.added().size() + " " + importing.skipped();
        } catch (InvalidVaultFileException e) {
            return e.getMessage();
        }
    }

    // ----- the current room's shared items and conflicts

    @JSExport
    public static String shared() {
        RoomVault room = rooms.current();
        if (room == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (SharedItem shared : room.sharedByPeers()) {
            text.append(shared.ownerName()).append(shared.item().name());
            ids.add(shared.item().id());
        }
        for (FieldConflict conflict : room.conflicts()) {
            text.append(conflict.itemId()).append(conflict.field()).append(conflict.theirsBy())
                    .append(JsonValues.same(conflict.mine(), conflict.theirs()));
        }
        VaultImport importing = VaultImport.fromRoom(room, store, ids);
        while (importing.step()) {
            text.append(importing.done());
        }
        return text.toString();
    }

    @JSExport
    public static String resolve(String itemId, String field, int how) {
        RoomVault room = rooms.current();
        if (how == 0) {
            room.keepMine(itemId, field);
        } else if (how == 1) {
            room.keepTheirs(itemId, field);
        } else if (how == 2) {
            room.editShared(itemId, ItemPatch.field(field, null));
        } else {
            return room.importShared(itemId).id();
        }
        return itemId;
    }

    @org.teavm.jso.JSBody(script = "return Date.now();")
    private static native double now();
}
