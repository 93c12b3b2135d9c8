package org.vaultsync.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.sim.SimRoom;

/** Two and three players' vaults through the simulated network and the real sync stack and CRDT engine. */
class RoomVaultTest {
    private static final RoomCode ROOM = SimRoom.code("VAU234");
    private static final RoomCode OTHER_ROOM = SimRoom.code("VAU567");

    private final SimRoom sim = VaultPlayer.world(11);
    private final VaultPlayer alice = new VaultPlayer(sim, 1);
    private final VaultPlayer bob = new VaultPlayer(sim, 2);

    private VaultItem shareUnit(VaultPlayer player, String id) {
        player.vault.addItem(VaultItem.of(id, ItemType.UNIT, "Atlas", Map.of("tonnage", 100.0, "equipment",
                List.of(Map.of("name", "AC/20", "location", "RT"))), true));
        return player.vault.item(id);
    }

    private void bothJoin() {
        alice.join(ROOM);
        bob.join(ROOM);
        sim.run(3_000);
    }

    @Test
    void sharedItemsArePublishedOnJoinAndListedWithTheOwnersName() {
        shareUnit(alice, "u1");
        alice.vault.addItem(Pilot.create("p1", "Secret", SkillTemplate.ELITE, Map.of()));
        bothJoin();
        SharedItem seen = bob.shared("u1");
        assertNotNull(seen);
        assertEquals("Pilot p0", seen.ownerName());
        assertEquals(alice.id(), seen.ownerId());
        assertEquals(100.0, seen.item().get("tonnage"));
        assertNull(bob.shared("p1"), "items that are not shared stay private");
        assertEquals(1, bob.room.sharedByPeers().size());
        assertTrue(alice.room.sharedByPeers().isEmpty(), "our own items are not 'shared by peers'");
    }

    @Test
    void aChangeIsPendingUntilAPeerHoldsItThenSynced() {
        shareUnit(alice, "u1");
        bothJoin();
        assertEquals(SyncState.SYNCED, alice.vault.getSyncState("u1"));
        alice.vault.updateItem("u1", ItemPatch.field("bv", 1897));
        assertEquals(SyncState.PENDING, alice.vault.getSyncState("u1"));
        long editedAt = sim.network.clock.now();
        sim.run(1_000);
        VaultItem synced = alice.vault.item("u1");
        assertEquals(SyncState.SYNCED, synced.syncState());
        assertTrue(synced.lastSynced() > editedAt, "lastSynced is when the peer confirmed it");
        assertEquals(1897.0, bob.shared("u1").item().get("bv"));
    }

    @Test
    void aloneInARoomAChangeStaysPending() {
        shareUnit(alice, "u1");
        alice.join(ROOM);
        sim.run(120_000);
        assertEquals(SyncState.PENDING, alice.vault.getSyncState("u1"), "no peer has it, so it is not synced");
    }

    @Test
    void theInitialSyncShowsSyncingThenSynced() {
        shareUnit(alice, "u1");
        alice.join(ROOM);
        sim.run(2_000);
        List<SyncState> seen = new ArrayList<>();
        alice.vault.addListener(change -> {
            if (change.after() != null && seen.isEmpty() || !seen.get(seen.size() - 1).equals(change.after().syncState())) {
                seen.add(change.after().syncState());
            }
        });
        bob.join(ROOM);
        sim.run(3_000);
        assertEquals(List.of(SyncState.SYNCING, SyncState.PENDING, SyncState.SYNCED), seen);
    }

    @Test
    void concurrentEditsOfDifferentFieldsOfOneUnitBothSurvive() {
        shareUnit(alice, "u1");
        bothJoin();
        alice.vault.updateItem("u1", ItemPatch.field("walk", 3));
        bob.room.editShared("u1", ItemPatch.field("bv", 1897).rename("Atlas AS7-D"));
        sim.run(2_000);
        VaultItem mine = alice.vault.item("u1");
        assertEquals(3.0, mine.get("walk"));
        assertEquals(1897.0, mine.get("bv"), "the peer's edit flowed into the owner's vault");
        assertEquals("Atlas AS7-D", mine.name());
        assertEquals(mine.data(), bob.shared("u1").item().data());
        assertEquals("Pilot p1", mine.lastModifiedBy());
        assertTrue(alice.room.conflicts().isEmpty() && bob.room.conflicts().isEmpty());
        assertTrue(sim.converged());
    }

    /** The updates a player's vault writes into the room (not the ones it receives). */
    private static List<byte[]> updatesWrittenBy(VaultPlayer player) {
        List<byte[]> updates = new ArrayList<>();
        player.doc.doc.onUpdate((update, origin, transaction) -> {
            if (origin == player.room) {
                updates.add(update);
            }
        });
        return updates;
    }

    @Test
    void aOneFieldEditCostsTensOfBytesInTheRoomUpdate() {
        shareUnit(alice, "u1");
        bothJoin();
        List<byte[]> byAlice = updatesWrittenBy(alice);
        List<byte[]> byBob = updatesWrittenBy(bob);
        alice.vault.updateItem("u1", ItemPatch.field("bv", 1897));
        sim.run(2_000);
        bob.room.editShared("u1", ItemPatch.field("walk", 4));
        sim.run(2_000);
        bob.room.editShared("u1", ItemPatch.field("walk", 5));
        sim.run(2_000);

        // one item (the new value, after the one it replaces) and the replaced value in the delete set: with
        // 5-byte client ids at most 32 bytes; rewriting lastModified too cost 18 more, lastModifiedBy about 20
        assertEquals(1, byAlice.size());
        assertTrue(byAlice.get(0).length <= 32, "the owner's edit took " + byAlice.get(0).length + " bytes");
        assertEquals(2, byBob.size());
        assertTrue(byBob.get(0).length <= 32 + 18 + 20, "a new editor also says who edited and when: "
                + byBob.get(0).length + " bytes");
        assertTrue(byBob.get(1).length <= 32, "the same editor's next edit took " + byBob.get(1).length + " bytes");
        assertEquals(5.0, alice.vault.item("u1").get("walk"));
        assertEquals(bob.name(), alice.vault.item("u1").lastModifiedBy());
    }

    @Test
    void theRoomTellsWhenAnItemWasLastEditedToTheMinute() {
        shareUnit(alice, "u1");
        bothJoin();
        alice.vault.updateItem("u1", ItemPatch.field("bv", 1000));
        long firstEdit = sim.network.clock.now();
        sim.run(30_000);
        alice.vault.updateItem("u1", ItemPatch.field("bv", 1100));
        long secondEdit = sim.network.clock.now();
        sim.run(2_000);
        long seen = bob.shared("u1").item().lastModified();
        assertTrue(seen <= secondEdit && secondEdit - seen < ItemLayout.MODIFIED_PRECISION_MILLIS,
                "within a minute of the last edit: " + seen + " for an edit at " + secondEdit);
        assertTrue(seen <= firstEdit, "not rewritten for an edit within the minute");

        sim.run(ItemLayout.MODIFIED_PRECISION_MILLIS);
        alice.vault.updateItem("u1", ItemPatch.field("bv", 1200));
        long thirdEdit = sim.network.clock.now();
        sim.run(2_000);
        assertEquals(thirdEdit, bob.shared("u1").item().lastModified());
    }

    @Test
    void twoPlayersTypingInTheSameNotesMergeCharacterByCharacter() {
        alice.vault.addItem(VaultItem.of("u1", ItemType.UNIT, "Atlas", Map.of("tonnage", 100.0,
                "notes", "Keep at range."), true));
        bothJoin();
        alice.vault.updateItem("u1", ItemPatch.field("notes", "Alpha: Keep at range."));
        bob.room.editShared("u1", ItemPatch.field("notes", "Keep at range. Watch the ammo 🎯."));
        sim.run(2_000);
        String merged = "Alpha: Keep at range. Watch the ammo 🎯.";
        assertEquals(merged, alice.vault.item("u1").get("notes"));
        assertEquals(merged, bob.shared("u1").item().get("notes"));
        assertTrue(alice.room.conflicts().isEmpty() && bob.room.conflicts().isEmpty(), "typing never conflicts");
        assertTrue(sim.converged());
    }

    @Test
    void concurrentEquipmentAdditionsBothSurvive() {
        shareUnit(alice, "u1");
        bothJoin();
        List<Object> withLaser = new ArrayList<>(alice.vault.item("u1").data().get("equipment") instanceof List<?> l ? l : List.of());
        withLaser.add(Map.of("name", "Medium Laser", "location", "LA"));
        alice.vault.updateItem("u1", ItemPatch.field("equipment", withLaser));
        List<Object> withLrm = new ArrayList<>((List<?>) bob.shared("u1").item().get("equipment"));
        withLrm.add(Map.of("name", "LRM-20", "location", "LT"));
        bob.room.editShared("u1", ItemPatch.field("equipment", withLrm));
        sim.run(2_000);
        List<String> names = new Unit(alice.vault.item("u1")).equipment().stream().map(Unit.Equipment::name).toList();
        assertEquals(3, names.size(), names.toString());
        assertTrue(names.containsAll(List.of("AC/20", "Medium Laser", "LRM-20")));
        assertEquals(alice.vault.item("u1").data(), bob.shared("u1").item().data());
    }

    private VaultPlayer concurrentGunneryEdits() {
        alice.vault.addItem(VaultItem.of("p1", ItemType.PILOT, "Kai", Map.of(), true));
        bothJoin();
        alice.vault.updateItem("p1", ItemPatch.field("gunnery", 2));
        bob.room.editShared("p1", ItemPatch.field("gunnery", 6));
        sim.run(2_000);
        Object winner = alice.vault.item("p1").get("gunnery");
        assertEquals(winner, bob.shared("p1").item().get("gunnery"), "one winner, the same everywhere");
        assertTrue(sim.converged());
        return winner.equals(2.0) ? bob : alice;
    }

    @Test
    void theSameFieldGivesOneWinnerAndAConflictOnTheLosingSide() {
        VaultPlayer loser = concurrentGunneryEdits();
        VaultPlayer winner = loser == alice ? bob : alice;
        assertEquals(1, loser.room.conflicts().size());
        assertTrue(winner.room.conflicts().isEmpty());
        FieldConflict conflict = loser.room.conflicts().get(0);
        assertEquals("gunnery", conflict.field());
        assertEquals(loser == alice ? 2.0 : 6.0, conflict.mine());
        assertEquals(loser == alice ? 6.0 : 2.0, conflict.theirs());
        if (loser == alice) {
            assertEquals(SyncState.CONFLICT, alice.vault.getSyncState("p1"));
        }
    }

    @Test
    void aConflictNamesTheWinningValuesAuthorEvenWhenTheLastEditorNameIsNotTheirs() {
        // lastModifiedBy is written only when the editor changes: whoever edited last does not write it again, so
        // after concurrent edits it can name the loser. Each pilot has a different last editor before the
        // concurrent edit, so one of the two is that case whichever client wins.
        alice.vault.addItem(VaultItem.of("p1", ItemType.PILOT, "Kai", Map.of(), true));
        alice.vault.addItem(VaultItem.of("p2", ItemType.PILOT, "Victor", Map.of(), true));
        bothJoin();
        bob.room.editShared("p2", ItemPatch.field("piloting", 3)); // bob is p2's last editor, alice p1's
        sim.run(2_000);
        for (String pilot : List.of("p1", "p2")) {
            alice.vault.updateItem(pilot, ItemPatch.field("gunnery", 2));
            bob.room.editShared(pilot, ItemPatch.field("gunnery", 6));
        }
        sim.run(2_000);
        assertTrue(sim.converged());
        VaultPlayer loser = alice.vault.item("p1").get("gunnery").equals(2.0) ? bob : alice;
        VaultPlayer winner = loser == alice ? bob : alice;
        assertEquals(2, loser.room.conflicts().size(), loser.room.conflicts().toString());
        for (FieldConflict conflict : loser.room.conflicts()) {
            assertEquals(winner.name(), conflict.theirsBy(), "the value of " + conflict.itemId() + " is the winner's");
        }
    }

    @Test
    void aConflictResolvedWithMineWinsEverywhere() {
        VaultPlayer loser = concurrentGunneryEdits();
        FieldConflict conflict = loser.room.conflicts().get(0);
        loser.room.keepMine("p1", "gunnery");
        sim.run(2_000);
        assertTrue(loser.room.conflicts().isEmpty());
        assertEquals(conflict.mine(), alice.vault.item("p1").get("gunnery"));
        assertEquals(conflict.mine(), bob.shared("p1").item().get("gunnery"));
        assertEquals(SyncState.SYNCED, alice.vault.getSyncState("p1"));
        assertTrue(alice.room.conflicts().isEmpty() && bob.room.conflicts().isEmpty(), "an informed write is no conflict");
    }

    @Test
    void aConflictResolvedWithTheirsKeepsTheirValue() {
        VaultPlayer loser = concurrentGunneryEdits();
        FieldConflict conflict = loser.room.conflicts().get(0);
        loser.room.keepTheirs("p1", "gunnery");
        sim.run(2_000);
        assertTrue(loser.room.conflicts().isEmpty());
        assertEquals(conflict.theirs(), alice.vault.item("p1").get("gunnery"));
        assertNotEquals(SyncState.CONFLICT, alice.vault.getSyncState("p1"));
    }

    @Test
    void openConflictsOfOurItemsSurviveAReload() {
        alice.vault.addItem(VaultItem.of("p1", ItemType.PILOT, "Kai", Map.of(), true));
        bob.vault.addItem(VaultItem.of("p2", ItemType.PILOT, "Lea", Map.of(), true));
        bothJoin();
        alice.vault.updateItem("p1", ItemPatch.field("gunnery", 2));
        bob.room.editShared("p1", ItemPatch.field("gunnery", 6));
        bob.vault.updateItem("p2", ItemPatch.field("gunnery", 2));
        alice.room.editShared("p2", ItemPatch.field("gunnery", 6));
        sim.run(2_000);
        // the same client wins both fields, so the loser lost on its own item too
        VaultPlayer loser = alice.room.conflicts().size() == 2 ? alice : bob;
        VaultPlayer winner = loser == alice ? bob : alice;
        String own = loser == alice ? "p1" : "p2";
        FieldConflict conflict = loser.room.conflicts().stream().filter(c -> c.itemId().equals(own)).findFirst()
                .orElseThrow();

        // the page reloads: the vault comes back from its storage, a new binding over the room's (kept) document
        loser.room.detach();
        VaultStore reloaded = VaultStoreTest.reopen(loser.storage);
        RoomVault rebound = new RoomVault(reloaded, loser.doc.sync, loser.peer.identity::identity,
                loser.peer.session::presentName, sim.network.clock::now);
        assertEquals(List.of(conflict), rebound.conflicts(), "the conflict view shows it before the room is joined");
        assertEquals(SyncState.CONFLICT, reloaded.getSyncState(own));

        rebound.attach(loser.peer.session.events());
        assertEquals(List.of(conflict), rebound.conflicts(), "and after");
        rebound.keepMine(own, "gunnery");
        sim.run(2_000);
        assertTrue(rebound.conflicts().isEmpty());
        assertEquals(conflict.mine(), reloaded.item(own).get("gunnery"));
        assertEquals(conflict.mine(), winner.shared(own).item().get("gunnery"));
        assertEquals(List.of(), VaultStoreTest.reopen(loser.storage).conflicts(own), "resolved: gone from storage");
    }

    @Test
    void unsharingOrDeletingNeverDeletesAPeersImportedCopy() {
        shareUnit(alice, "u1");
        shareUnit(alice, "u2");
        bothJoin();
        VaultItem copy1 = bob.room.importShared("u1");
        VaultItem copy2 = bob.room.importShared("u2");
        alice.vault.toggleSync("u1", false);
        alice.vault.removeItem("u2");
        sim.run(2_000);
        assertNull(bob.shared("u1"), "no longer shared");
        assertNull(bob.shared("u2"));
        assertEquals("Atlas", bob.vault.item(copy1.id()).name(), "the imported copies are bob's own");
        assertEquals("Atlas", bob.vault.item(copy2.id()).name());
        assertEquals(SyncState.DISABLED, alice.vault.getSyncState("u1"));
        assertNotNull(alice.vault.item("u1"), "unsharing deletes nothing of the owner's");
    }

    @Test
    void importingASharedForceBringsItsPilotsAndUnits() {
        alice.vault.addItem(VaultItem.of("p1", ItemType.PILOT, "Natasha", Map.of("gunnery", 2, "piloting", 3), true));
        shareUnit(alice, "u1");
        alice.vault.addItem(VaultItem.of("f1", ItemType.FORCE, "Widowmakers", Map.of("assignments",
                List.of(Map.of("slot", 1.0, "pilotId", "p1", "unitId", "u1"))), true));
        bothJoin();
        VaultItem force = bob.room.importShared("f1");
        assertEquals(3, bob.vault.items().size());
        Assignment lead = new Force(force).assignments().get(0);
        assertEquals("Natasha", bob.vault.item(lead.pilotId()).name());
        assertEquals("Atlas", bob.vault.item(lead.unitId()).name());
        assertNotEquals("p1", lead.pilotId());
        assertEquals(ForcePosition.LEAD, lead.position());
        ForceTotals totals = new Force(force).totals(bob.vault::item);
        assertEquals(100.0, totals.tonnage());
        assertEquals(2.0, totals.averageGunnery());
    }

    @Test
    void importingEverythingSharedStepByStepBringsEachItemOnceAndSkipsWhatIsAlreadyThere() {
        alice.vault.addItem(VaultItem.of("p1", ItemType.PILOT, "Natasha", Map.of("gunnery", 2, "piloting", 3), true));
        shareUnit(alice, "u1");
        shareUnit(alice, "u2");
        alice.vault.addItem(VaultItem.of("f1", ItemType.FORCE, "Widowmakers", Map.of("assignments",
                List.of(Map.of("slot", 1.0, "pilotId", "p1", "unitId", "u1"))), true));
        bothJoin();
        bob.room.importShared("u2");
        // the force first: its pilot and unit come with it, so their own turns find them there
        VaultImport all = VaultImport.fromRoom(bob.room, bob.vault, List.of("f1", "p1", "u1", "u2", "gone"));
        assertEquals(5, all.total());
        assertEquals(0, all.done());
        assertFalse(all.step());
        assertEquals(1, all.done());
        assertEquals(4, bob.vault.items().size(), "the force came with its pilot and unit");
        while (!all.step()) {
            assertTrue(all.done() < all.total());
        }
        assertEquals(5, all.done());
        assertEquals(List.of("Widowmakers"), all.added().stream().map(VaultItem::name).toList());
        assertEquals(4, all.skipped(), "already there (brought by the force, imported before) or no longer shared");
        assertEquals(4, bob.vault.items().size(), "one copy of each shared item");
        assertTrue(all.step(), "a finished import stays finished");
        assertEquals(5, all.done());
    }

    @Test
    void garbageFromAPeerChangesNothingLocalAndIsReported() {
        VaultPlayer mallory = new VaultPlayer(sim, 3);
        shareUnit(alice, "u1");
        alice.vault.addItem(Pilot.create("private", "Hidden", SkillTemplate.GREEN, Map.of()));
        alice.join(ROOM);
        mallory.join(ROOM);
        sim.run(3_000);
        String before = alice.vault.items().toString();
        YMap root = mallory.doc.doc.getMap(ItemLayout.ROOT);
        mallory.doc.doc.transact(t -> {
            root.set("junk", 42.0);
            YMap ship = new YMap();
            ship.set("type", "ship");
            ship.set("ownerId", mallory.id());
            root.set("ship", ship);
            YMap fake = new YMap();
            fake.set("type", "pilot");
            fake.set("ownerId", alice.id());
            fake.set("name", "Renamed by mallory");
            fake.set("data", new YMap());
            root.set("private", fake);
            YMap data = (YMap) ((YMap) root.get("u1")).get("data");
            data.set("tonnage", "heavy");
            data.set("walk", 99.0);
            data.set("equipment", "none");
        });
        sim.run(3_000);
        assertEquals(before, alice.vault.items().toString(), "nothing local changed");
        List<String> problems = alice.room.problems();
        assertTrue(problems.contains("Shared item junk ignored: it is not a map"), problems.toString());
        assertTrue(problems.contains("Shared item ship ignored: type 'ship' is not unit, pilot or force"));
        assertTrue(problems.contains("Shared item u1: field tonnage ignored: Tonnage must be a number from 1 to 2500000"));
        assertTrue(problems.contains("Shared item u1: field walk ignored: Walking MP must be a whole number from 0 to 30"));
        assertTrue(problems.contains("Shared item u1: field equipment ignored: it has the wrong form"));
        sim.run(2_000);
        assertEquals(100.0, ((YMap) ((YMap) mallory.doc.doc.getMap(ItemLayout.ROOT).get("u1")).get("data"))
                .get("tonnage"), "the owner repaired its item in the room");
        assertTrue(sim.converged());
    }

    @Test
    void leavingOrSwitchingRoomsLeavesTheVaultExactlyAsItWas() {
        shareUnit(alice, "u1");
        alice.vault.addItem(Pilot.create("p1", "Local only", SkillTemplate.GREEN, Map.of()));
        bothJoin();
        bob.room.editShared("u1", ItemPatch.field("bv", 500));
        sim.run(2_000);
        String before = alice.vault.items().toString();
        String stored = alice.storage.records().toString();
        alice.leave();
        sim.run(5_000);
        assertEquals(before, alice.vault.items().toString());
        alice.join(OTHER_ROOM);
        sim.run(5_000);
        alice.leave();
        sim.run(1_000);
        assertEquals(before.replace("synced", "pending"), alice.vault.items().toString().replace("synced", "pending"));
        assertEquals(500.0, alice.vault.item("u1").get("bv"));
        assertEquals("Local only", alice.vault.item("p1").name());
        assertNotNull(stored);
    }

    @Test
    void threePlayersConvergeAndEachSeesTheOthersItems() {
        VaultPlayer carol = new VaultPlayer(sim, 3);
        shareUnit(alice, "ua");
        shareUnit(bob, "ub");
        carol.vault.addItem(VaultItem.of("pc", ItemType.PILOT, "Carol's pilot", Map.of(), true));
        alice.join(ROOM);
        bob.join(ROOM);
        carol.join(ROOM);
        sim.run(4_000);
        assertEquals(2, alice.room.sharedByPeers().size());
        assertEquals(2, carol.room.sharedByPeers().size());
        carol.room.editShared("ua", ItemPatch.field("jump", 2));
        bob.room.editShared("ua", ItemPatch.field("walk", 3));
        sim.run(2_000);
        assertEquals(2.0, alice.vault.item("ua").get("jump"));
        assertEquals(3.0, alice.vault.item("ua").get("walk"));
        assertTrue(sim.converged());
        for (VaultPlayer p : List.of(alice, bob, carol)) {
            for (VaultItem item : p.vault.items()) {
                assertEquals(SyncState.SYNCED, item.syncState(), p.name() + " " + item);
            }
        }
    }

    @Test
    void anItemUnsharedWhileAwayIsWithdrawnOnTheNextJoin() {
        shareUnit(alice, "u1");
        bothJoin();
        assertNotNull(bob.shared("u1"));
        alice.leave();
        alice.vault.toggleSync("u1", false);
        sim.run(2_000);
        alice.join(ROOM);
        sim.run(3_000);
        assertNull(bob.shared("u1"));
        assertEquals("Atlas", alice.vault.item("u1").name());
    }

    @Test
    void rejoiningAfterForgettingTheRoomsDataTakesOverTheEntryFieldByField() {
        shareUnit(alice, "u1");
        bothJoin();
        YMap entryBobHolds = (YMap) bob.doc.doc.getMap(ItemLayout.ROOT).get("u1");
        alice.leave();
        bob.room.editShared("u1", ItemPatch.field("bv", 1500)); // while the owner is away
        alice.vault.updateItem("u1", ItemPatch.field("walk", 5)); // the owner, offline: no peer has this yet
        sim.run(2_000);

        VaultPlayer aliceAgain = alice.afterForgettingTheRoom(sim);
        aliceAgain.join(ROOM);
        sim.run(3_000);

        // Before: the owner created the entry anew and one of the two whole entries won: bob's bv or her walk lost
        assertSame(entryBobHolds, bob.doc.doc.getMap(ItemLayout.ROOT).get("u1"), "the entry peers kept is taken over");
        VaultItem mine = aliceAgain.vault.item("u1");
        assertEquals(1500.0, mine.get("bv"), "the peer's edit reached the owner's vault");
        assertEquals(5.0, mine.get("walk"), "the owner's unconfirmed edit reached the room");
        assertEquals(mine.data(), bob.shared("u1").item().data());
        assertTrue(aliceAgain.room.conflicts().isEmpty() && bob.room.conflicts().isEmpty());
        assertEquals(SyncState.SYNCED, mine.syncState());
        assertEquals(java.util.Set.of(), aliceAgain.vault.unsyncedFields("u1"), "confirmed by the peer");
        assertTrue(sim.converged());
    }

    @Test
    void anEntryAPeerDeletesIsPublishedAgainByItsOwner() {
        shareUnit(alice, "u1");
        bothJoin();
        bob.doc.doc.getMap(ItemLayout.ROOT).delete("u1");
        sim.run(2_000);
        assertNotNull(bob.shared("u1"), "still shared by its owner");
        assertEquals("Atlas", alice.vault.item("u1").name());
        assertTrue(sim.converged());
    }

    @Test
    void anInvalidEditOfAPeersItemIsRefusedAndWritesNothing() {
        shareUnit(alice, "u1");
        bothJoin();
        String room = bob.doc.fingerprint();
        InvalidItemException error = org.junit.jupiter.api.Assertions.assertThrows(InvalidItemException.class,
                () -> bob.room.editShared("u1", ItemPatch.field("tonnage", 0).set("quirks", "x")));
        assertEquals("Tonnage must be a number from 1 to 2500000", error.messageFor("tonnage"));
        assertEquals("Unknown field 'quirks' for a unit", error.messageFor("quirks"));
        assertEquals(room, bob.doc.fingerprint());
    }

    @Test
    void fieldsWrittenByANewerVersionAreKeptNotDropped() {
        shareUnit(alice, "u1");
        bothJoin();
        YMap entry = (YMap) bob.doc.doc.getMap(ItemLayout.ROOT).get("u1");
        bob.doc.doc.transact(t -> {
            ((YMap) entry.get("data")).set("quirks", List.of("Command Mech"));
            entry.set("tags", "campaign");
            entry.set("schema", 2.0);
        });
        sim.run(2_000);
        assertEquals(List.of("Command Mech"), alice.vault.item("u1").get("quirks"), "kept in the owner's vault");
        alice.vault.updateItem("u1", ItemPatch.field("bv", 1200));
        sim.run(2_000);
        YMap after = (YMap) bob.doc.doc.getMap(ItemLayout.ROOT).get("u1");
        assertEquals(List.of("Command Mech"), ((YMap) after.get("data")).get("quirks"));
        assertEquals("campaign", after.get("tags"));
        assertEquals(1200.0, ((YMap) after.get("data")).get("bv"));
        assertTrue(alice.room.problems().isEmpty(), alice.room.problems().toString());
    }

    /** Another tab of the same browser: the same stored vault, its own store, in no room. */
    private static VaultStore anotherTab(VaultPlayer player) {
        return VaultStoreTest.reopen(player.storage);
    }

    /** What BrowserVault does once the other tab's write has landed: this tab re-reads the record. */
    private static void landed(VaultPlayer player, VaultStore tab, String id) throws InvalidRecordException {
        String record = tab.record(id);
        if (record == null) {
            player.vault.applyStoredRemoval(id);
        } else {
            player.vault.applyStoredRecord(record);
        }
    }

    @Test
    void anEditInAnotherTabOutsideTheRoomIsPublishedByTheTabInIt() throws Exception {
        shareUnit(alice, "u1");
        bothJoin();
        VaultStore otherTab = anotherTab(alice);
        otherTab.updateItem("u1", ItemPatch.field("bv", 1897).rename("Atlas AS7-D"));
        landed(alice, otherTab, "u1");
        assertEquals(SyncState.PENDING, alice.vault.getSyncState("u1"), "written to the room, not yet confirmed");
        sim.run(2_000);
        assertEquals(1897.0, bob.shared("u1").item().get("bv"));
        assertEquals("Atlas AS7-D", bob.shared("u1").item().name());
        assertEquals(SyncState.SYNCED, alice.vault.getSyncState("u1"));
        assertTrue(alice.room.conflicts().isEmpty() && bob.room.conflicts().isEmpty());
    }

    @Test
    void sharingTurnedOnOrOffOrAnItemDeletedInAnotherTabReachesTheRoom() throws Exception {
        shareUnit(alice, "u1");
        alice.vault.addItem(Pilot.create("p1", "Kai", SkillTemplate.ELITE, Map.of()));
        bothJoin();
        VaultStore otherTab = anotherTab(alice);
        otherTab.toggleSync("p1", true);
        landed(alice, otherTab, "p1");
        otherTab.toggleSync("u1", false);
        landed(alice, otherTab, "u1");
        sim.run(2_000);
        assertNotNull(bob.shared("p1"), "shared from the other tab");
        assertNull(bob.shared("u1"), "unshared from the other tab");
        otherTab.removeItem("p1");
        landed(alice, otherTab, "p1");
        sim.run(2_000);
        assertNull(bob.shared("p1"), "deleted in the other tab: no longer shared");
    }

    @Test
    void anotherTabsSyncStateOrAnEditAlreadyInTheRoomIsNotWrittenAgain() throws Exception {
        shareUnit(alice, "u1");
        bothJoin();
        List<byte[]> written = updatesWrittenBy(alice);
        VaultStore otherTab = anotherTab(alice);
        otherTab.setSyncState("u1", SyncState.PENDING, 0);
        landed(alice, otherTab, "u1");
        assertTrue(written.isEmpty(), "a tab's sync state is local: nothing goes to the room");

        // The other tab is in the room as well and wrote its edit there itself (here: the same room write).
        alice.vault.updateItem("u1", ItemPatch.field("walk", 3));
        int afterOwnEdit = written.size();
        otherTab.updateItem("u1", ItemPatch.field("walk", 3));
        landed(alice, otherTab, "u1");
        assertEquals(afterOwnEdit, written.size(), "what the room already holds is not written twice");
    }
}
