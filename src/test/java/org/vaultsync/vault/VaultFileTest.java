package org.vaultsync.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Export and import of vault files: round trip, selection, copies for known ids, and rejected files. */
class VaultFileTest {
    private final VaultStore source = new VaultStore(new MemoryVaultStorage(), () -> 1_000, new Random(1)::nextBytes);
    private final MemoryVaultStorage targetStorage = new MemoryVaultStorage();
    private final VaultStore target = new VaultStore(targetStorage, () -> 2_000, new Random(2)::nextBytes);

    VaultFileTest() {
        source.addItem(Unit.create("u1", "Atlas", Map.of("tonnage", 100.0, "armor", Map.of("Head", 9.0))));
        source.addItem(Pilot.create("p1", "Kai", SkillTemplate.ELITE, Map.of("abilities", List.of("Sniper"))));
        source.addItem(Force.create("f1", "Alpha", ForceType.LANCE, Map.of("assignments",
                List.of(Map.of("slot", 1.0, "pilotId", "p1", "unitId", "u1")))));
        source.toggleSync("u1", true);
    }

    @Test
    void theWholeVaultTravelsThroughAFile() throws Exception {
        String file = VaultFile.export(source, null, 5_000);
        assertTrue(file.startsWith("{\"format\":\"vault-sync-vault\",\"formatVersion\":1,\"schemaVersion\":1,"));
        List<VaultItem> added = VaultFile.importInto(target, file);
        assertEquals(3, added.size());
        for (VaultItem item : source.items()) {
            VaultItem copy = target.item(item.id());
            assertEquals(item.name(), copy.name());
            assertEquals(item.data(), copy.data());
            assertEquals(SyncState.DISABLED, copy.syncState(), "imported items are not shared until the user says so");
        }
        assertTrue(!file.contains("syncEnabled") && !file.contains("syncState"), "local fields stay local");
    }

    @Test
    void aBigFileImportedStepByStepCountsItsProgressAndEndsLikeAnImportAtOnce() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            source.addItem(Unit.create("big-" + i, "Locust " + i, Map.of("tonnage", 20.0)));
        }
        String file = VaultFile.export(source, null, 5_000);
        VaultImport job = VaultImport.ofFile(target, file);
        assertEquals(1_003, job.total());
        assertEquals(0, target.items().size(), "nothing is added before the first step");
        int steps = 0;
        while (!job.step()) {
            steps++;
            assertEquals(steps, job.done());
            assertEquals(steps, target.items().size());
        }
        assertEquals(1_003, job.done());
        assertEquals(1_003, job.added().size());
        assertEquals(0, job.skipped());
        VaultStore atOnce = new VaultStore(new MemoryVaultStorage(), () -> 2_000, new Random(3)::nextBytes);
        VaultFile.importInto(atOnce, file);
        assertEquals(atOnce.items().stream().map(VaultItem::data).toList(),
                target.items().stream().map(VaultItem::data).toList());
    }

    @Test
    void anIdTakenWhileAnImportRunsGetsANewOneAndABadFileNeverStarts() throws Exception {
        String file = VaultFile.export(source, null, 5_000);
        VaultImport job = VaultImport.ofFile(target, file);
        target.addItem(Unit.create("u1", "Atlas from another tab", Map.of()));
        while (!job.step()) {
            // runs to the end
        }
        assertEquals(4, target.items().size());
        assertEquals("Atlas from another tab", target.item("u1").name());
        assertNotEquals("u1", job.added().get(0).id());
        assertThrows(InvalidVaultFileException.class, () -> VaultImport.ofFile(target, "{\"format\":\"other\"}"));
        assertEquals(4, target.items().size());
    }

    @Test
    void selectedItemsOnly() throws Exception {
        VaultFile.importInto(target, VaultFile.export(source, List.of("p1"), 5_000));
        assertEquals(List.of("p1"), target.items().stream().map(VaultItem::id).toList());
    }

    @Test
    void knownIdsBecomeCopiesWithNewIdsAndForcesFollowThem() throws Exception {
        String file = VaultFile.export(source, null, 5_000);
        VaultFile.importInto(source, file);
        assertEquals(6, source.items().size());
        VaultItem copiedForce = source.items().get(5);
        assertNotEquals("f1", copiedForce.id());
        Assignment slot = new Force(copiedForce).assignments().get(0);
        assertNotEquals("p1", slot.pilotId());
        assertEquals("Kai", source.item(slot.pilotId()).name());
        assertEquals("Atlas", source.item(slot.unitId()).name());
        assertEquals("Atlas", source.item("u1").name(), "the originals are untouched");
    }

    private void assertRejected(String file, String message) {
        InvalidVaultFileException error = assertThrows(InvalidVaultFileException.class,
                () -> VaultFile.importInto(target, file));
        assertEquals(message, error.getMessage());
        assertTrue(target.items().isEmpty(), "nothing imported");
        assertTrue(targetStorage.records().isEmpty(), "nothing stored");
    }

    @Test
    void aTruncatedFileIsRejectedWhereverItIsCutAndNothingChanges() {
        String file = VaultFile.export(source, null, 5_000);
        for (int i = 0; i < file.length(); i += 7) {
            int cut = i;
            InvalidVaultFileException error = assertThrows(InvalidVaultFileException.class,
                    () -> VaultFile.importInto(target, file.substring(0, cut)));
            assertTrue(error.getMessage().startsWith("This file is not a Vault Sync export, or it is damaged or "
                    + "incomplete (Invalid JSON at offset "), error.getMessage());
        }
        assertTrue(target.items().isEmpty(), "nothing imported");
        assertTrue(targetStorage.records().isEmpty(), "nothing stored");
    }

    @Test
    void foreignAndEmptyFilesAreRejected() {
        assertRejected("{\"name\":\"my-package\",\"version\":\"1.0.0\"}", "This file is not a Vault Sync export");
        assertRejected("[1,2,3]", "This file is not a Vault Sync export");
        assertRejected("", "This file is not a Vault Sync export, or it is damaged or incomplete "
                + "(Invalid JSON at offset 0: unexpected end of input)");
        assertRejected("{\"format\":\"vault-sync-vault\",\"formatVersion\":1}",
                "This Vault Sync export has no list of items");
        assertRejected("{\"format\":\"vault-sync-vault\",\"items\":[]}",
                "This Vault Sync export has no valid format version");
    }

    @Test
    void aFileFromANewerFormatIsRejectedWithAdvice() {
        assertRejected("{\"format\":\"vault-sync-vault\",\"formatVersion\":2,\"items\":[]}",
                "This file comes from a newer version of Vault Sync (format 2); this version reads format 1. "
                        + "Update the app to import it");
    }

    @Test
    void oneBadItemRejectsTheWholeFile() {
        String file = VaultFile.export(source, null, 5_000).replace("\"gunnery\":2", "\"gunnery\":12");
        assertRejected(file, "Item 2 of the file: item p1 (Kai): Gunnery must be a whole number from 1 to 8");
        String unknownType = VaultFile.export(source, null, 5_000).replace("\"type\":\"force\"", "\"type\":\"ship\"");
        assertRejected(unknownType, "Item 3 of the file: item f1 has type 'ship', not unit, pilot or force");
    }

    @Test
    void fieldsOfANewerSchemaAreKept() throws Exception {
        String file = VaultFile.export(source, List.of("u1"), 5_000).replace("\"notes\":\"\"",
                "\"notes\":\"\",\"quirks\":[\"Command Mech\"]");
        VaultFile.importInto(target, file);
        assertEquals(List.of("Command Mech"), target.item("u1").get("quirks"));
    }
}
