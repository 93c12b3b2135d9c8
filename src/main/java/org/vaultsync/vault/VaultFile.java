package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Export and import of a vault (all of it or chosen items) as a JSON file:
 * {@code {"format": "vault-sync-vault", "formatVersion": 1, "schemaVersion": 1, "exportedAt": ms, "items": [...]}},
 * each item as {@link ItemRecords} writes it without local fields. Importing checks the whole file first: a bad,
 * truncated or foreign file is rejected with a clear message and nothing changes. Items whose id the vault already
 * holds come in as copies with new ids (no question asked); forces in the file follow their pilots and units.
 * Imported items are not shared until the player shares them.
 */
public final class VaultFile {
    public static final String FORMAT = "vault-sync-vault";
    public static final int FORMAT_VERSION = 1;

    private VaultFile() {
    }

    /** The file for the items {@code ids} (null: the whole vault), in vault order; unknown ids are skipped. */
    public static String export(VaultStore store, Collection<String> ids, long now) {
        List<Object> items = new ArrayList<>();
        for (VaultItem item : store.items()) {
            if (ids == null || ids.contains(item.id())) {
                items.add(ItemRecords.toMap(item, 1, false));
            }
        }
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", FORMAT);
        file.put("formatVersion", (double) FORMAT_VERSION);
        file.put("schemaVersion", (double) ItemSchema.VERSION);
        file.put("exportedAt", (double) now);
        file.put("items", items);
        try {
            return Json.stringify(file);
        } catch (JsonException e) {
            throw new IllegalStateException("item data is always JSON", e);
        }
    }

    /** The items of a file, checked; throws with a message for the user when anything does not fit. */
    public static List<VaultItem> read(String text) throws InvalidVaultFileException {
        Object parsed;
        try {
            parsed = Json.parse(text == null ? "" : text);
        } catch (JsonException e) {
            throw new InvalidVaultFileException("This file is not a Vault Sync export, or it is damaged or incomplete ("
                    + e.getMessage() + ")");
        }
        if (!(parsed instanceof Map<?, ?> file) || !FORMAT.equals(file.get("format"))) {
            throw new InvalidVaultFileException("This file is not a Vault Sync export");
        }
        if (!(file.get("formatVersion") instanceof Number version) || version.doubleValue() < 1) {
            throw new InvalidVaultFileException("This Vault Sync export has no valid format version");
        }
        if (version.doubleValue() > FORMAT_VERSION) {
            throw new InvalidVaultFileException("This file comes from a newer version of Vault Sync (format "
                    + Json.formatNumber(version.doubleValue()) + "); this version reads format " + FORMAT_VERSION
                    + ". Update the app to import it");
        }
        if (!(file.get("items") instanceof List<?> entries)) {
            throw new InvalidVaultFileException("This Vault Sync export has no list of items");
        }
        List<VaultItem> items = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new InvalidVaultFileException("Item " + (i + 1) + " of the file is not an item");
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> record = (Map<String, Object>) entry;
                items.add(ItemRecords.fromMap(record, false));
            } catch (InvalidRecordException e) {
                throw new InvalidVaultFileException("Item " + (i + 1) + " of the file: " + e.getMessage());
            }
        }
        return items;
    }

    /**
     * Reads the file and adds its items to {@code store}, all or nothing. Returns the items as added (with their
     * new ids where the vault already had theirs).
     */
    public static List<VaultItem> importInto(VaultStore store, String text) throws InvalidVaultFileException {
        List<VaultItem> added = prepare(store, read(text));
        for (VaultItem item : added) {
            store.addPrepared(item);
        }
        return added;
    }

    /**
     * The items of a file ({@link #read}) as they would be added to {@code store} (new ids where the vault already
     * has theirs, forces following their members), without adding them ({@link VaultImport} adds them in steps).
     */
    static List<VaultItem> prepare(VaultStore store, List<VaultItem> items) {
        Map<String, String> newIds = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (VaultItem item : items) {
            String id = item.id();
            if (store.contains(id) || taken.contains(id)) {
                do {
                    id = store.newId();
                } while (taken.contains(id));
                newIds.put(item.id(), id);
            }
            taken.add(id);
        }
        List<VaultItem> added = new ArrayList<>();
        for (VaultItem item : items) {
            VaultItem copy = item.withIdentity(newIds.getOrDefault(item.id(), item.id()), null);
            if (copy.type() == ItemType.FORCE && !newIds.isEmpty()) {
                List<Assignment> remapped = new ArrayList<>();
                for (Assignment a : Assignment.parseAll(copy.get("assignments"))) {
                    remapped.add(new Assignment(a.slot(), a.position(), remap(a.pilotId(), newIds),
                            remap(a.unitId(), newIds)));
                }
                Map<String, Object> data = new LinkedHashMap<>(copy.data());
                data.put("assignments", Assignment.toJson(remapped));
                copy = copy.withData(data);
            }
            added.add(copy);
        }
        return added;
    }

    private static String remap(String id, Map<String, String> newIds) {
        return id == null ? null : newIds.getOrDefault(id, id);
    }
}
