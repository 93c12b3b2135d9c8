package org.vaultsync.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.sim.SimRoom;

/**
 * Random play by 2–4 players on a lossy, duplicating, reordering network: edits of their own and of peers' shared
 * items, sharing toggled on and off, items added, removed and imported. At the end every room document is the
 * same, every owner's vault matches what the others see of its shared items, and no item that was not shared was
 * ever changed by a peer.
 */
class RoomVaultConvergencePropertyTest {
    private static final RoomCode ROOM = SimRoom.code("PRP234");

    @Property(tries = 40)
    void randomPlayConvergesAndNeverTouchesLocalOnlyItems(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                         @ForAll @IntRange(min = 2, max = 4) int playerCount) {
        Random random = new Random(seed);
        SimRoom sim = VaultPlayer.world(seed);
        sim.antiEntropyInterval = 5_000;
        sim.peers.hostile = true;
        sim.network.loss = random.nextDouble() * 0.15;
        sim.network.duplication = random.nextDouble() * 0.1;
        sim.network.maxDelay = 5 + random.nextInt(200);
        List<VaultPlayer> players = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < playerCount; i++) {
            VaultPlayer player = new VaultPlayer(sim, random.nextLong());
            players.add(player);
            player.vault.addListener(change -> {
                boolean fromRoom = change.origin() == VaultChange.Origin.PEER;
                if (fromRoom && (change.before() == null || !change.before().syncEnabled())) {
                    violations.add(player.name() + ": a peer changed the unshared item " + change.itemId());
                }
            });
            for (int k = 0; k < 3; k++) {
                player.vault.addItem(newItem(random, player, k));
            }
            player.join(ROOM);
        }
        sim.run(3_000);
        for (int step = 0; step < 60; step++) {
            VaultPlayer player = players.get(random.nextInt(playerCount));
            act(random, player);
            sim.run(random.nextInt(400));
        }
        long settle = sim.runUntilConverged(180_000, 500);
        sim.run(10_000); // let confirmations and the last observers run
        String context = "seed " + seed + ", " + playerCount + " players";
        assertTrue(sim.converged(), context + ": did not converge in " + settle + " ms: " + sim.describe());
        assertEquals(List.of(), violations, context);
        for (VaultPlayer owner : players) {
            for (VaultItem item : owner.vault.items()) {
                for (VaultPlayer other : players) {
                    if (other == owner) {
                        continue;
                    }
                    SharedItem seen = other.shared(item.id());
                    if (!item.syncEnabled()) {
                        assertTrue(seen == null, context + ": unshared " + item + " still listed");
                        continue;
                    }
                    assertNotNull(seen, context + ": " + other.name() + " does not see " + item);
                    assertEquals(item.name(), seen.item().name(), context);
                    assertEquals(item.data(), seen.item().data(), context + " " + item.id());
                    assertEquals(owner.name(), seen.ownerName(), context);
                }
            }
        }
    }

    private static VaultItem newItem(Random random, VaultPlayer player, int k) {
        boolean shared = random.nextBoolean();
        String id = player.vault.newId();
        switch (random.nextInt(3)) {
            case 0:
                return VaultItem.of(id, ItemType.UNIT, "Unit " + k, Map.of("tonnage", 20.0 + 5 * random.nextInt(17)),
                        shared);
            case 1:
                return VaultItem.of(id, ItemType.PILOT, "Pilot " + k, Map.of("gunnery", 1 + random.nextInt(8)), shared);
            default:
                return VaultItem.of(id, ItemType.FORCE, "Force " + k, Map.of("forceType", "star"), shared);
        }
    }

    private static void act(Random random, VaultPlayer player) {
        List<VaultItem> own = player.vault.items();
        List<SharedItem> peers = player.room.sharedByPeers();
        int action = random.nextInt(10);
        if (action < 3 && !own.isEmpty()) {
            VaultItem item = own.get(random.nextInt(own.size()));
            player.vault.updateItem(item.id(), randomEdit(random, item));
        } else if (action < 6 && !peers.isEmpty()) {
            VaultItem item = peers.get(random.nextInt(peers.size())).item();
            player.room.editShared(item.id(), randomEdit(random, item));
        } else if (action == 6 && !own.isEmpty()) {
            VaultItem item = own.get(random.nextInt(own.size()));
            player.vault.toggleSync(item.id(), !item.syncEnabled());
        } else if (action == 7 && !peers.isEmpty()) {
            player.room.importShared(peers.get(random.nextInt(peers.size())).item().id());
        } else if (action == 8) {
            player.vault.addItem(newItem(random, player, own.size()));
        } else if (!own.isEmpty()) {
            player.vault.removeItem(own.get(random.nextInt(own.size())).id());
        }
    }

    private static ItemPatch randomEdit(Random random, VaultItem item) {
        switch (item.type()) {
            case UNIT:
                if (random.nextBoolean()) {
                    List<Object> equipment = new ArrayList<>((List<?>) item.get("equipment"));
                    equipment.add(Map.of("name", "Laser " + random.nextInt(100), "location", "RA"));
                    return ItemPatch.field("equipment", equipment);
                }
                return ItemPatch.field("bv", random.nextInt(3000));
            case PILOT:
                if (random.nextBoolean()) {
                    List<Object> abilities = new ArrayList<>((List<?>) item.get("abilities"));
                    abilities.add("Ability " + random.nextInt(100));
                    return ItemPatch.field("abilities", abilities);
                }
                return ItemPatch.field("piloting", 1 + random.nextInt(8));
            default:
                return random.nextBoolean() ? ItemPatch.name("Force " + random.nextInt(100))
                        : ItemPatch.field("status", random.nextBoolean() ? "active" : "transit");
        }
    }
}
