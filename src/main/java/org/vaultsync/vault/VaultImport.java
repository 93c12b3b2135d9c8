package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.List;

/**
 * An import of many items done a few at a time, so a screen can show "1,200 of 5,000" and stay responsive between
 * steps: a checked vault file ({@link #ofFile}), or everything peers share ({@link #fromRoom}). Everything that can
 * reject the import is checked before the first step; the steps only add.
 */
public final class VaultImport {
    /** Adds item number {@code index}; returns the item added, or null when there was nothing to add. */
    private interface Adder {
        VaultItem add(int index);
    }

    private final int total;
    private final Adder adder;
    private final List<VaultItem> added = new ArrayList<>();
    private int done;

    private VaultImport(int total, Adder adder) {
        this.total = total;
        this.adder = adder;
    }

    /**
     * The items of the vault file {@code text}, checked now (a bad file throws and changes nothing), added to
     * {@code store} by the steps. Ids the vault holds become new ones, as {@link VaultFile#importInto} does; an id
     * taken while the import runs (another tab importing the same file) gets a new one when its turn comes.
     */
    public static VaultImport ofFile(VaultStore store, String text) throws InvalidVaultFileException {
        return ofFileItems(store, VaultFile.read(text));
    }

    /** As {@link #ofFile}, for the items {@link VaultFile#read} gave (a file read once for its summary). */
    public static VaultImport ofFileItems(VaultStore store, List<VaultItem> fileItems) {
        List<VaultItem> prepared = VaultFile.prepare(store, fileItems);
        return new VaultImport(prepared.size(), index -> {
            VaultItem item = prepared.get(index);
            if (store.contains(item.id())) {
                item = item.withIdentity(store.newId(), null);
            }
            store.addPrepared(item);
            return item;
        });
    }

    /**
     * Copies of what peers share in {@code room}, in the order given: a force brings its pilots and units along
     * ({@link RoomVault#importShared}), and an item whose copy is already in the vault by then (brought by a force,
     * or imported before), that is no longer shared, or that this version finds invalid is skipped.
     */
    public static VaultImport fromRoom(RoomVault room, VaultStore store, List<String> sharedIds) {
        List<String> ids = new ArrayList<>(sharedIds);
        return new VaultImport(ids.size(), index -> {
            String id = ids.get(index);
            for (VaultItem item : store.items()) {
                if (id.equals(item.importedFrom())) {
                    return null;
                }
            }
            try {
                return room.importShared(id);
            } catch (InvalidItemException e) {
                return null; // a peer's item this version cannot take: the rest still comes in
            }
        });
    }

    public int total() {
        return total;
    }

    /** How many of {@link #total} have been handled (added or skipped). */
    public int done() {
        return done;
    }

    public boolean finished() {
        return done >= total;
    }

    /** The items added so far (a force's pilots and units count only through the force). */
    public List<VaultItem> added() {
        return added;
    }

    /** How many were skipped (already in the vault, or no longer shared). */
    public int skipped() {
        return done - added.size();
    }

    /** Handles the next item; returns whether the import is finished. */
    public boolean step() {
        if (!finished()) {
            VaultItem item = adder.add(done);
            done++;
            if (item != null) {
                added.add(item);
            }
        }
        return finished();
    }
}
