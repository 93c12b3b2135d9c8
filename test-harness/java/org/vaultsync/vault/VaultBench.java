package org.vaultsync.vault;

import org.vaultsync.common.StorageCallback;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.vaultsync.room.RoomCode;
import org.vaultsync.sync.sim.SimRoom;

/**
 * The vault at the size players reach: 5,000 items of about 1 KB. Start-up load of the vault, sharing all of it on
 * join, 20,000 single-field edits by a peer applied to the owner's vault, and bytes on the wire per edit. Real
 * engine, real sync stack, simulated network (virtual time; the figures are this JVM's CPU time).
 *
 * <p>{@code bin/bench-vault [--items 5000] [--edits 20000]}
 */
public final class VaultBench {
    public static void main(String[] args) {
        int items = 5000;
        int edits = 20000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--items" -> items = Integer.parseInt(args[++i]);
                case "--edits" -> edits = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--items N, --edits N)");
            }
        }
        for (int round = 1; round <= 3; round++) {
            System.out.printf(Locale.ROOT, "round %d (the first warms the JVM up)%n", round);
            run(items, edits, round);
        }
    }

    private static void run(int items, int edits, int round) {
        SimRoom sim = VaultPlayer.world(round);
        VaultPlayer alice = new VaultPlayer(sim, 1);
        VaultPlayer bob = new VaultPlayer(sim, 2);
        String notes = "Lostech refit, keep at medium range and watch the ammunition. ".repeat(14).substring(0, 800);
        for (int i = 0; i < items; i++) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("chassis", "Atlas");
            data.put("model", "AS7-D");
            data.put("tonnage", 100.0);
            data.put("bv", 1897.0);
            data.put("notes", notes);
            alice.vault.addItem(VaultItem.of("unit-" + i, ItemType.UNIT, "Atlas " + i, data, true));
        }

        long start = System.nanoTime();
        VaultStore[] reopened = new VaultStore[1];
        VaultStore.open(alice.storage, sim.network.clock::now, new Random(3)::nextBytes, new StorageCallback<>() {
            @Override
            public void done(VaultStore store) {
                reopened[0] = store;
            }

            @Override
            public void failed(String message) {
                throw new IllegalStateException(message);
            }
        });
        double loadMillis = (System.nanoTime() - start) / 1e6;
        if (reopened[0] == null || reopened[0].items().size() != items) {
            throw new IllegalStateException("the vault did not load");
        }

        RoomCode room = SimRoom.code("BEN234");
        start = System.nanoTime();
        alice.join(room);
        bob.join(room);
        int rounds = 0;
        while (bob.room.sharedByPeers().size() < items && rounds++ < 600) {
            sim.run(100);
        }
        double shareMillis = (System.nanoTime() - start) / 1e6;
        if (bob.room.sharedByPeers().size() != items) {
            throw new IllegalStateException("only " + bob.room.sharedByPeers().size() + " items arrived");
        }
        long shareBytes = sim.peers.bytesSent;
        sim.run(35_000); // past the first periodic state-vector exchange, so it is not counted as edit traffic

        Random random = new Random(7);
        long[] updateBytes = new long[1];
        bob.doc.doc.onUpdate((update, origin, transaction) -> {
            if (origin == bob.room) {
                updateBytes[0] += update.length;
            }
        });
        // y-protocols sync messages start with 0, then 0 (step 1), 1 (step 2) or 2 (update)
        long[] bytesByKind = new long[3];
        long[] messagesByKind = new long[3];
        sim.peers.tap = message -> {
            if (message.length > 1 && message[0] == 0 && message[1] >= 0 && message[1] <= 2) {
                bytesByKind[message[1]] += message.length;
                messagesByKind[message[1]]++;
            }
        };
        long bytesBefore = sim.peers.bytesSent;
        long messagesBefore = sim.peers.messagesSent;
        List<String> edited = new ArrayList<>();
        start = System.nanoTime();
        for (int i = 0; i < edits; i++) {
            String id = "unit-" + random.nextInt(items);
            bob.room.editShared(id, ItemPatch.field("bv", 1000.0 + i));
            edited.add(id);
            if (i % 100 == 99) {
                sim.run(20);
            }
        }
        sim.run(2_000);
        double editMillis = (System.nanoTime() - start) / 1e6;
        long editBytes = sim.peers.bytesSent - bytesBefore;
        long editMessages = sim.peers.messagesSent - messagesBefore;
        String last = edited.get(edited.size() - 1);
        if (!Double.valueOf(1000.0 + edits - 1).equals(alice.vault.item(last).get("bv"))) {
            throw new IllegalStateException("the last edit did not reach the owner's vault");
        }
        System.out.printf(Locale.ROOT, "  load %d items at start-up: %.0f ms%n", items, loadMillis);
        System.out.printf(Locale.ROOT, "  share all on join until the peer lists them: %.0f ms, %d bytes on the wire%n",
                shareMillis, shareBytes);
        System.out.printf(Locale.ROOT, "  %d single-field edits by a peer, applied to the owner's vault: %.0f ms (%.1f us each)%n",
                edits, editMillis, editMillis * 1000 / edits);
        System.out.printf(Locale.ROOT, "  bytes on the wire per single-field edit: %.1f (%d messages for %d edits)%n",
                (double) editBytes / edits, editMessages, edits);
        System.out.printf(Locale.ROOT, "    of which: the edit's update %.1f (its message %.1f), confirmations: state"
                + " vectors %.1f, step-2 answers %.1f%n", (double) updateBytes[0] / edits,
                (double) bytesByKind[2] / edits, (double) bytesByKind[0] / edits, (double) bytesByKind[1] / edits);
        System.out.printf(Locale.ROOT, "    confirmations: %d state vectors of %.1f bytes, answered by %d step-2 messages of %.1f"
                + " bytes on average%n", messagesByKind[0], (double) bytesByKind[0] / Math.max(1, messagesByKind[0]),
                messagesByKind[1], (double) bytesByKind[1] / Math.max(1, messagesByKind[1]));
    }
}
