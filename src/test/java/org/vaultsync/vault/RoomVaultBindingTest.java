package org.vaultsync.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultsync.crypto.JvmKeyDerivation;
import org.vaultsync.presence.MapPreferenceStore;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.SyncClient;
import org.vaultsync.sync.persistence.MemoryRoomKeyStore;
import org.vaultsync.sync.persistence.MemoryRoomStorage;
import org.vaultsync.sync.sim.SimRoom;

/** The app's wiring of vault and rooms: real {@link SyncClient}s on the simulated network, real vault stores. */
class RoomVaultBindingTest {
    private final SimRoom world = new SimRoom(7);
    private final MemoryRoomKeyStore keys = new MemoryRoomKeyStore(world.network.clock);
    private int pages;

    private final class Player {
        final SyncClient client;
        final VaultStore vault;
        final RoomVaultBinding binding;
        int notifications;

        Player() {
            String node = "page-" + pages++;
            Random random = new Random(pages * 31L);
            client = new SyncClient(new SyncClient.Platform(world.server.transportFor(node),
                    world.peers.transportFor(node), world.broadcasts.transportFor("profile-" + node),
                    world.network.clock, random::nextDouble, random::nextBytes, new MapPreferenceStore(),
                    new MemoryRoomStorage(world.network.clock), new JvmKeyDerivation(), keys, "https://vault.example"));
            vault = new VaultStore(new MemoryVaultStorage(), world.network.clock::now, random::nextBytes);
            binding = new RoomVaultBinding(vault, client, world.network.clock::now);
            binding.addListener(() -> notifications++);
        }

        SharedItem shared(String id) {
            for (SharedItem item : binding.current().sharedByPeers()) {
                if (item.item().id().equals(id)) {
                    return item;
                }
            }
            return null;
        }
    }

    private static void addUnit(Player player, String id, boolean shared) {
        player.vault.addItem(VaultItem.of(id, ItemType.UNIT, "Atlas", Map.of("tonnage", 100.0,
                "equipment", List.of(Map.of("name", "AC/20", "location", "RT"))), shared));
    }

    @Test
    void outsideARoomThereIsNoRoomVault() {
        Player alice = new Player();
        assertNull(alice.binding.current());
    }

    @Test
    void joiningARoomPublishesSharedItemsAndAJoinerSeesThemWithTheOwnersName() throws Exception {
        Player alice = new Player();
        Player bob = new Player();
        addUnit(alice, "u1", true);
        addUnit(alice, "u2", false);
        RoomCode code = alice.client.createSyncRoom();
        world.run(1_000);
        assertNotNull(alice.binding.current(), "bound once the room's stored state is applied");
        bob.client.joinSyncRoom(code.display());
        world.run(3_000);
        SharedItem seen = bob.shared("u1");
        assertNotNull(seen);
        assertEquals(alice.client.identity().identity().name(), seen.ownerName());
        assertNull(bob.shared("u2"), "an item that is not shared stays private");
        assertTrue(bob.notifications > 0, "the screens hear of what arrived");
        assertEquals(SyncState.SYNCED, alice.vault.getSyncState("u1"));

        VaultItem copy = bob.binding.current().importShared("u1");
        alice.vault.updateItem("u1", ItemPatch.field("tonnage", 95.0));
        world.run(1_000);
        assertEquals(95.0, bob.shared("u1").item().get("tonnage"));
        assertEquals(100.0, bob.vault.item(copy.id()).get("tonnage"), "an imported copy is independent");
    }

    @Test
    void leavingUnbindsAndLeavesTheVaultAsItWas() {
        Player alice = new Player();
        addUnit(alice, "u1", true);
        alice.client.createSyncRoom();
        world.run(1_000);
        List<VaultItem> before = alice.vault.items();
        alice.client.leaveCurrentRoom();
        assertNull(alice.binding.current());
        assertEquals(before, alice.vault.items());
    }

    @Test
    void switchingRoomsRebindsToTheNewRoomWhereSharedItemsArePublishedAgain() throws Exception {
        Player alice = new Player();
        Player bob = new Player();
        addUnit(alice, "u1", true);
        alice.client.createSyncRoom();
        world.run(1_000);
        RoomVault first = alice.binding.current();
        RoomCode second = bob.client.createSyncRoom();
        world.run(1_000);
        alice.client.joinSyncRoom(second.display());
        world.run(3_000);
        assertNotNull(alice.binding.current());
        assertTrue(first != alice.binding.current(), "a new binding for the new room");
        assertNotNull(bob.shared("u1"), "shared items follow the player into the new room");
    }
}
