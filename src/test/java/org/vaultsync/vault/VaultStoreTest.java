package org.vaultsync.vault;

import org.vaultsync.common.StorageCallback;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The seed's store operations (product.md §3) with their corrections, listeners and persistence. */
class VaultStoreTest {
    private long now = 1_000;
    private final MemoryVaultStorage storage = new MemoryVaultStorage();
    private final VaultStore store = new VaultStore(storage, () -> now, new Random(7)::nextBytes);
    private final List<VaultChange> changes = new ArrayList<>();

    {
        store.addListener(changes::add);
    }

    private VaultItem atlas(boolean sync) {
        VaultItem item = Unit.create("u1", "Atlas", Map.of("tonnage", 100.0, "equipment",
                List.of(Map.of("name", "AC/20", "location", "RT"))));
        return VaultItem.of(item.id(), item.type(), item.name(), item.data(), sync);
    }

    @Test
    void addItemStampsTimeStateAndVersionOne() {
        now = 5_000;
        VaultItem added = store.addItem(atlas(false));
        assertEquals(5_000, added.lastModified());
        assertEquals(SyncState.DISABLED, added.syncState());
        assertEquals(new ItemMetadata("u1", SyncState.DISABLED, 1), store.getMetadata("u1"));
        VaultItem shared = store.addItem(VaultItem.of("p1", ItemType.PILOT, "Kai", Map.of(), true));
        assertEquals(SyncState.PENDING, shared.syncState());
        assertEquals(4, new Pilot(shared).gunnery(), "missing fields take their defaults");
    }

    @Test
    void addingAnExistingIdIsRejectedAndKeepsTheOriginal() {
        store.addItem(atlas(false));
        store.updateItem("u1", ItemPatch.field("bv", 1897));
        DuplicateItemIdException error = assertThrows(DuplicateItemIdException.class,
                () -> store.addItem(Unit.create("u1", "Impostor", Map.of())));
        assertEquals("An item with id u1 already exists; use updateItem to change it", error.getMessage());
        assertEquals("Atlas", store.item("u1").name());
        assertEquals(2, store.getMetadata("u1").version(), "the version was not reset");
    }

    @Test
    void anInvalidItemIsRejectedWithFieldMessagesAndNothingIsStored() {
        InvalidItemException error = assertThrows(InvalidItemException.class,
                () -> store.addItem(Pilot.create("p", "", SkillTemplate.REGULAR, Map.of("gunnery", 0))));
        assertEquals("Name is required", error.messageFor("name"));
        assertEquals("Gunnery must be a whole number from 1 to 8", error.messageFor("gunnery"));
        assertTrue(store.items().isEmpty());
        assertTrue(changes.isEmpty());
        assertTrue(storage.records().isEmpty());
    }

    @Test
    void removeItemRemovesItemAndMetadataAndUnknownIdsAreNoOps() {
        store.addItem(atlas(false));
        store.removeItem("u1");
        assertNull(store.item("u1"));
        assertNull(store.getMetadata("u1"));
        assertTrue(storage.records().isEmpty());
        int seen = changes.size();
        store.removeItem("u1");
        store.removeItem("nobody");
        assertEquals(seen, changes.size());
    }

    @Test
    void updateItemMergesFieldsBumpsVersionAndNeverMovesTimeBack() {
        now = 10_000;
        store.addItem(atlas(false));
        now = 4_000; // the clock went back (the user changed the system time)
        VaultItem updated = store.updateItem("u1", ItemPatch.field("bv", 1897).rename("Atlas II"));
        assertEquals(10_000, updated.lastModified());
        assertEquals("Atlas II", updated.name());
        assertEquals(1897.0, updated.get("bv"));
        assertEquals(100.0, updated.get("tonnage"), "other fields kept");
        assertEquals(2, store.getMetadata("u1").version());
        now = 20_000;
        store.updateItem("u1", ItemPatch.field("walk", 3));
        assertEquals(20_000, store.item("u1").lastModified());
        assertEquals(3, store.getMetadata("u1").version());
    }

    @Test
    void theIdCannotBeChanged() {
        store.addItem(atlas(false));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ItemPatch.field("id", "other"));
        assertEquals("An item's id cannot be changed", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ItemPatch.field("type", "pilot"));
        assertEquals("u1", store.updateItem("u1", ItemPatch.name("Renamed")).id());
    }

    @Test
    void updateOfAnUnknownIdIsANoOp() {
        assertNull(store.updateItem("nobody", ItemPatch.name("x")));
        assertTrue(changes.isEmpty());
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        store.addItem(atlas(false));
        InvalidItemException error = assertThrows(InvalidItemException.class,
                () -> store.updateItem("u1", ItemPatch.field("tonnage", 0).set("quirks", "x")));
        assertEquals("Unknown field 'quirks' for a unit", error.messageFor("quirks"));
        assertEquals(100.0, store.item("u1").get("tonnage"));
        assertEquals(1, store.getMetadata("u1").version());
        assertThrows(InvalidItemException.class, () -> store.updateItem("u1", ItemPatch.field("tonnage", 0)));
        assertEquals(1, store.getMetadata("u1").version());
    }

    @Test
    void assigningAKiaPilotToAForceIsRefused() {
        store.addItem(Pilot.create("p", "Fallen", SkillTemplate.REGULAR, Map.of("status", "kia")));
        store.addItem(Force.create("f", "Alpha", ForceType.LANCE, Map.of()));
        InvalidItemException error = assertThrows(InvalidItemException.class, () -> store.updateItem("f",
                ItemPatch.field("assignments", new Force(store.item("f")).assignmentsWith(1, "p", null))));
        assertEquals("Slot 1: Fallen is KIA and cannot be assigned", error.messageFor("assignments"));
    }

    @Test
    void toggleSyncSetsPendingOrDisabled() {
        store.addItem(atlas(false));
        store.toggleSync("u1", true);
        assertTrue(store.item("u1").syncEnabled());
        assertEquals(SyncState.PENDING, store.getSyncState("u1"));
        assertEquals(SyncState.PENDING, store.getMetadata("u1").syncState());
        store.toggleSync("u1", false);
        assertFalse(store.item("u1").syncEnabled());
        assertEquals(SyncState.DISABLED, store.getSyncState("u1"));
        store.toggleSync("nobody", true);
        assertNull(store.item("nobody"));
    }

    @Test
    void getSyncStateOfAnUnknownIdIsDisabled() {
        assertEquals(SyncState.DISABLED, store.getSyncState("nobody"));
    }

    @Test
    void getItemsByTypeFiltersByType() {
        store.addItem(atlas(false));
        store.addItem(Pilot.create("p1", "Kai", SkillTemplate.ELITE, Map.of()));
        store.addItem(Pilot.create("p2", "Mara", SkillTemplate.GREEN, Map.of()));
        assertEquals(List.of("p1", "p2"), store.getItemsByType(ItemType.PILOT).stream().map(VaultItem::id).toList());
        assertEquals(List.of("u1"), store.getItemsByType(ItemType.UNIT).stream().map(VaultItem::id).toList());
        assertEquals(List.of(), store.getItemsByType(ItemType.FORCE));
    }

    @Test
    void importFromPeerMakesAnIndependentUnsharedCopyWithANewId() {
        store.addItem(atlas(false));
        VaultItem peerItem = new VaultItem("u1", ItemType.UNIT, "Atlas", store.item("u1").data(), true,
                SyncState.SYNCED, 77, "Mara", 99, null);
        VaultItem copy = store.importFromPeer(peerItem);
        assertNotEquals("u1", copy.id());
        assertFalse(copy.syncEnabled());
        assertEquals(SyncState.DISABLED, copy.syncState());
        assertNull(copy.lastModifiedBy());
        assertEquals(0, copy.lastSynced());
        assertEquals(ItemType.UNIT, copy.type());
        assertEquals("Atlas", copy.name());
        assertEquals(peerItem.data(), copy.data());
        assertEquals(1, store.getMetadata(copy.id()).version());
        store.updateItem(copy.id(), ItemPatch.field("equipment", List.of()));
        assertEquals(2, store.getMetadata(copy.id()).version());
        assertEquals(1, ((List<?>) peerItem.get("equipment")).size(), "the peer's item is untouched");
        assertEquals(1, ((List<?>) store.item("u1").get("equipment")).size());
    }

    @Test
    void importingAForceBringsItsPilotsAndUnitsWithRemappedIds() {
        Map<String, VaultItem> room = new HashMap<>();
        room.put("pp", Pilot.create("pp", "Natasha", SkillTemplate.ELITE, Map.of()));
        room.put("pu", Unit.create("pu", "Marauder", Map.of("bv", 1500)));
        VaultItem force = Force.create("pf", "Widowmakers", ForceType.LANCE, Map.of("assignments",
                List.of(Map.of("slot", 1.0, "pilotId", "pp", "unitId", "pu"), Map.of("slot", 2.0, "unitId", "gone"))));
        VaultItem copy = store.importFromPeer(force, room::get);
        assertEquals(3, store.items().size());
        Assignment lead = new Force(copy).assignments().get(0);
        VaultItem pilot = store.item(lead.pilotId());
        VaultItem unit = store.item(lead.unitId());
        assertEquals("Natasha", pilot.name());
        assertEquals("Marauder", unit.name());
        assertNotEquals("pp", pilot.id());
        assertEquals(SyncState.DISABLED, pilot.syncState());
        assertNull(new Force(copy).assignments().get(1).unitId(), "a reference nobody can resolve is left empty");
        assertEquals(1500, new Force(copy).totals(store::item).battleValue());

        VaultItem again = store.importFromPeer(force, room::get);
        assertEquals(4, store.items().size(), "a second import links to the copies already present");
        assertEquals(lead.pilotId(), new Force(again).assignments().get(0).pilotId());
    }

    @Test
    void aForceReferencingOurOwnItemsLinksToThem() {
        store.addItem(Pilot.create("mine", "Kai", SkillTemplate.REGULAR, Map.of()));
        VaultItem force = Force.create("pf", "Mixed", ForceType.LANCE,
                Map.of("assignments", List.of(Map.of("slot", 1.0, "pilotId", "mine"))));
        VaultItem copy = store.importFromPeer(force, id -> null);
        assertEquals("mine", new Force(copy).assignments().get(0).pilotId());
        assertEquals(2, store.items().size());
    }

    @Test
    void listenersHearEveryChangeWithItsOrigin() {
        store.addItem(atlas(false));
        store.updateItem("u1", ItemPatch.field("bv", 1));
        store.toggleSync("u1", true);
        store.removeItem("u1");
        assertEquals(List.of(VaultChange.Kind.ADDED, VaultChange.Kind.UPDATED, VaultChange.Kind.UPDATED,
                VaultChange.Kind.REMOVED), changes.stream().map(VaultChange::kind).toList());
        assertTrue(changes.stream().allMatch(c -> c.origin() == VaultChange.Origin.USER));
        assertEquals(0.0, changes.get(1).before().get("bv"));
        assertEquals(1.0, changes.get(1).after().get("bv"));
    }

    @Test
    void aReopenedVaultHasEverythingIncludingLocalFields() {
        store.addItem(atlas(true));
        store.addItem(Pilot.create("p1", "Kai", SkillTemplate.VETERAN, Map.of("abilities", List.of("Sniper"))));
        store.updateItem("p1", ItemPatch.field("wounds", 2));
        VaultStore reopened = reopen(storage);
        assertEquals(store.items().toString(), reopened.items().toString());
        assertEquals(2, reopened.getMetadata("p1").version());
        assertEquals(SyncState.PENDING, reopened.getSyncState("u1"));
    }

    @Test
    void openConflictsAreStoredWithTheItemLocallyAndNeverExported() throws Exception {
        store.addItem(atlas(true));
        FieldConflict conflict = new FieldConflict("u1", "bv", 1897.0, 1500.0, "Bob");
        store.setConflicts("u1", List.of(conflict));
        store.updateItem("u1", ItemPatch.field("walk", 4)); // a later write of the item keeps them

        VaultStore reopened = reopen(storage);
        assertEquals(List.of(conflict), reopened.conflicts("u1"));
        assertEquals(List.of(), reopened.conflicts("nope"));
        assertFalse(VaultFile.export(reopened, null, now).contains("conflicts"), "local only: never exported");

        reopened.setConflicts("u1", List.of());
        assertFalse(storage.records().get("u1").contains("conflicts"));
        assertEquals(List.of(), reopen(storage).conflicts("u1"));
    }

    @Test
    void theFieldsChangedInASharedItemAreRememberedUntilAPeerConfirmsThem() {
        store.addItem(atlas(true));
        store.addItem(VaultItem.of("u2", ItemType.UNIT, "Locust", Map.of(), false));
        store.updateItem("u1", ItemPatch.field("walk", 4).set("bv", 0).rename("Atlas II"));
        store.updateItem("u2", ItemPatch.field("walk", 4));
        assertEquals(Set.of("walk", "name"), store.unsyncedFields("u1"), "bv kept its value");
        assertEquals(Set.of(), store.unsyncedFields("u2"), "not shared: nobody to confirm");
        assertEquals(Set.of("walk", "name"), reopen(storage).unsyncedFields("u1"), "kept with the item's record");

        store.setSyncState("u1", SyncState.SYNCED, 1);
        assertEquals(Set.of(), store.unsyncedFields("u1"));
        store.updateItem("u1", ItemPatch.field("walk", 5));
        store.toggleSync("u1", false);
        assertEquals(Set.of(), store.unsyncedFields("u1"), "unshared: a later share starts a new entry");
    }

    @Test
    void aStoredConflictThatDoesNotFitIsLeftOutAndTheItemStillLoads() {
        store.addItem(atlas(true));
        String record = storage.records().get("u1");
        storage.putRaw("u1", record.substring(0, record.length() - 1)
                + ",\"conflicts\":[{\"field\":3},\"x\",{\"field\":\"bv\",\"mine\":1,\"theirs\":2}]}");
        VaultStore reopened = reopen(storage);
        assertEquals(List.of(new FieldConflict("u1", "bv", 1.0, 2.0, null)), reopened.conflicts("u1"));
        assertTrue(reopened.loadProblems().isEmpty());
    }

    @Test
    void withAsynchronousStorageTheStoreOpensWhenTheLoadAnswers() {
        ArrayDeque<Runnable> later = new ArrayDeque<>();
        MemoryVaultStorage async = new MemoryVaultStorage(later::add);
        VaultStore first = new VaultStore(async, () -> now, new Random(1)::nextBytes);
        first.addItem(atlas(false));
        while (!later.isEmpty()) {
            later.poll().run();
        }
        VaultStore[] opened = new VaultStore[1];
        VaultStore.open(async, () -> now, new Random(2)::nextBytes, callback(v -> opened[0] = v));
        assertNull(opened[0], "not before the storage answers");
        later.poll().run();
        assertEquals("Atlas", opened[0].item("u1").name());
    }

    @Test
    void aFailedWriteIsReportedAndTheChangeKeptInMemory() {
        List<String> errors = new ArrayList<>();
        store.addListener(new VaultListener() {
            @Override
            public void onChange(VaultChange change) {
            }

            @Override
            public void onStorageError(String message) {
                errors.add(message);
            }
        });
        storage.failWith("QuotaExceededError");
        store.addItem(atlas(false));
        assertEquals(List.of("Could not save u1: QuotaExceededError"), errors);
        assertEquals("Atlas", store.item("u1").name());
    }

    @Test
    void anUnreadableStoredRecordIsSkippedAndReportedNotFatal() {
        store.addItem(atlas(false));
        storage.putRaw("bad", "{\"id\":\"bad\",\"type\":\"weapon\",\"data\":{}}");
        storage.putRaw("cut", "{\"id\":\"cut\",\"ty");
        VaultStore reopened = reopen(storage);
        assertEquals(1, reopened.items().size());
        assertEquals(List.of("Stored record bad skipped: item bad has type 'weapon', not unit, pilot or force",
                "Stored record cut skipped: not JSON: Invalid JSON at offset 15: unterminated string"), reopened.loadProblems());
    }

    @Test
    void aChangeStoredByAnotherTabIsTakenOverAndAnnounced() throws Exception {
        VaultStore otherTab = new VaultStore(storage, () -> now, new Random(3)::nextBytes);
        otherTab.addItem(atlas(false));
        store.applyStoredRecord(storage.records().get("u1"));
        assertEquals("Atlas", store.item("u1").name());
        assertEquals(VaultChange.Origin.OTHER_TAB, changes.get(0).origin());
        store.applyStoredRemoval("u1");
        assertNull(store.item("u1"));
    }

    static VaultStore reopen(MemoryVaultStorage storage) {
        VaultStore[] opened = new VaultStore[1];
        VaultStore.open(storage, () -> 0, new Random(9)::nextBytes, callback(v -> opened[0] = v));
        return opened[0];
    }

    static <T> StorageCallback<T> callback(java.util.function.Consumer<T> onDone) {
        return new StorageCallback<>() {
            @Override
            public void done(T result) {
                onDone.accept(result);
            }

            @Override
            public void failed(String message) {
                throw new AssertionError(message);
            }
        };
    }
}
