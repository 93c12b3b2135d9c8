package org.vaultsync.vault;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.teavm.junit.SkipJVM;
import org.teavm.junit.TeaVMTestRunner;
import org.vaultsync.sync.sim.SimRoom;

/** The vault compiled by TeaVM and run in Chromium: validation, store, files, and two players in a simulated room. */
@RunWith(TeaVMTestRunner.class)
@SkipJVM
public class VaultInBrowserTest {
    @Test
    public void storeValidationAndFilesBehaveAsOnTheJvm() throws Exception {
        VaultStore store = new VaultStore(new MemoryVaultStorage(), () -> 1_000, new Random(1)::nextBytes);
        store.addItem(Pilot.create("p1", "Kai", SkillTemplate.VETERAN, Map.of()));
        try {
            store.updateItem("p1", ItemPatch.field("gunnery", 9));
            throw new AssertionError("accepted an invalid gunnery");
        } catch (InvalidItemException e) {
            assertEquals("Gunnery must be a whole number from 1 to 8", e.messageFor("gunnery"));
        }
        store.addItem(Force.create("f1", "Alpha", ForceType.STAR, Map.of("assignments",
                List.of(Map.of("slot", 1.0, "pilotId", "p1")))));
        String file = VaultFile.export(store, null, 2_000);
        List<VaultItem> copies = VaultFile.importInto(store, file);
        assertEquals(4, store.items().size());
        assertEquals("Kai", store.item(new Force(copies.get(1)).assignments().get(0).pilotId()).name());
        try {
            VaultFile.importInto(store, file.substring(0, 40));
            throw new AssertionError("accepted a truncated file");
        } catch (InvalidVaultFileException e) {
            assertTrue(e.getMessage().startsWith("This file is not a Vault Sync export, or it is damaged"));
        }
        assertEquals(4, store.items().size());
    }

    @Test
    public void twoPlayersMergeFieldsAndReachSynced() {
        SimRoom sim = VaultPlayer.world(5);
        VaultPlayer alice = new VaultPlayer(sim, 1);
        VaultPlayer bob = new VaultPlayer(sim, 2);
        alice.vault.addItem(VaultItem.of("u1", ItemType.UNIT, "Atlas", Map.of("tonnage", 100.0), true));
        alice.join(SimRoom.code("ABCDEF"));
        bob.join(SimRoom.code("ABCDEF"));
        sim.run(3_000);
        alice.vault.updateItem("u1", ItemPatch.field("walk", 3));
        bob.room.editShared("u1", ItemPatch.field("bv", 1897));
        sim.run(2_000);
        assertEquals(3.0, alice.vault.item("u1").get("walk"));
        assertEquals(1897.0, alice.vault.item("u1").get("bv"));
        assertEquals(SyncState.SYNCED, alice.vault.getSyncState("u1"));
        assertTrue(sim.converged());
    }
}
