package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultsync.common.TypeNames;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Items as JSON objects: {@code {id, type, name, data, lastModified, lastModifiedBy?}} plus, in storage records
 * only, the local fields {@code syncEnabled, syncState, lastSynced, importedFrom, version}. The same shape serves
 * the vault's storage and export files (which leave the local fields out). A storage record also keeps the item's
 * {@link ItemLocalState}: {@code conflicts: [{field, mine, theirs, theirsBy?}]} and {@code unsyncedFields: [name]},
 * each left out when empty.
 */
public final class ItemRecords {
    private ItemRecords() {
    }

    public static Map<String, Object> toMap(VaultItem item, int version, boolean withLocalFields) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", item.id());
        record.put("type", item.type().wire());
        record.put("name", item.name());
        record.put("data", item.data());
        record.put("lastModified", (double) item.lastModified());
        if (item.lastModifiedBy() != null) {
            record.put("lastModifiedBy", item.lastModifiedBy());
        }
        if (withLocalFields) {
            record.put("syncEnabled", item.syncEnabled());
            record.put("syncState", item.syncState().wire());
            record.put("lastSynced", (double) item.lastSynced());
            if (item.importedFrom() != null) {
                record.put("importedFrom", item.importedFrom());
            }
            record.put("version", (double) version);
        }
        return record;
    }

    public static String toJson(VaultItem item, int version) {
        return toJson(item, version, ItemLocalState.NONE);
    }

    /** The storage record, with the item's local state (local only, like every field after {@code data}). */
    static String toJson(VaultItem item, int version, ItemLocalState local) {
        Map<String, Object> record = toMap(item, version, true);
        if (!local.conflicts().isEmpty()) {
            List<Object> stored = new ArrayList<>();
            for (FieldConflict conflict : local.conflicts()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("field", conflict.field());
                entry.put("mine", conflict.mine());
                entry.put("theirs", conflict.theirs());
                if (conflict.theirsBy() != null) {
                    entry.put("theirsBy", conflict.theirsBy());
                }
                stored.add(entry);
            }
            record.put("conflicts", stored);
        }
        if (!local.unsyncedFields().isEmpty()) {
            List<String> fields = new ArrayList<>(local.unsyncedFields());
            fields.sort(null);
            record.put("unsyncedFields", fields);
        }
        try {
            return Json.stringify(record);
        } catch (JsonException e) {
            throw new IllegalStateException("item data is always JSON", e);
        }
    }

    /** A stored record: the item, its metadata version and its local state. */
    public record Stored(VaultItem item, int version, ItemLocalState local) {
    }

    public static Stored fromJson(String text) throws InvalidRecordException {
        Object parsed;
        try {
            parsed = Json.parse(text);
        } catch (JsonException e) {
            throw new InvalidRecordException("not JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new InvalidRecordException("not an item record");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) map;
        VaultItem item = fromMap(record, true);
        Object version = record.get("version");
        return new Stored(item, version instanceof Number n && n.doubleValue() >= 1 ? (int) n.doubleValue() : 1,
                new ItemLocalState(conflictsOf(item.id(), record.get("conflicts")),
                        fieldNamesOf(record.get("unsyncedFields"))));
    }

    private static Set<String> fieldNamesOf(Object stored) {
        Set<String> names = new LinkedHashSet<>();
        if (stored instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof String name) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The stored conflicts of an item; entries that do not fit are left out (a record is never lost for them). */
    private static List<FieldConflict> conflictsOf(String itemId, Object stored) {
        List<FieldConflict> conflicts = new ArrayList<>();
        if (stored instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> entry && entry.get("field") instanceof String field
                        && entry.containsKey("mine") && entry.containsKey("theirs")) {
                    conflicts.add(new FieldConflict(itemId, field, JsonValues.frozen(entry.get("mine")),
                            JsonValues.frozen(entry.get("theirs")),
                            entry.get("theirsBy") instanceof String by ? by : null));
                }
            }
        }
        return conflicts;
    }

    /**
     * The item of {@code record}, validated (fields of newer versions kept). Without {@code withLocalFields} the
     * item comes unshared, as from a file.
     */
    public static VaultItem fromMap(Map<String, Object> record, boolean withLocalFields) throws InvalidRecordException {
        Object id = record.get("id");
        if (!(id instanceof String itemId) || itemId.isEmpty() || itemId.length() > 100) {
            throw new InvalidRecordException("an item has no valid id");
        }
        Object typeWire = record.get("type");
        ItemType type = typeWire instanceof String wire ? ItemType.byWire(wire) : null;
        if (type == null) {
            throw new InvalidRecordException("item " + itemId + " has type " + describe(typeWire)
                    + ", not unit, pilot or force");
        }
        if (!(record.get("data") instanceof Map<?, ?> rawData)) {
            throw new InvalidRecordException("item " + itemId + " has no data");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> data = ItemView.withDefaults(type, (Map<String, Object>) rawData);
        Object name = record.get("name");
        List<FieldError> errors = ItemValidator.validate(type, name instanceof String s ? s : null, data, true);
        if (!errors.isEmpty()) {
            throw new InvalidRecordException("item " + itemId + " (" + (name instanceof String s ? s : "no name")
                    + "): " + new InvalidItemException(errors).getMessage());
        }
        long modified = record.get("lastModified") instanceof Number n ? (long) n.doubleValue() : 0;
        String modifiedBy = record.get("lastModifiedBy") instanceof String s ? s : null;
        if (!withLocalFields) {
            return new VaultItem(itemId, type, (String) name, data, false, SyncState.DISABLED, modified, modifiedBy,
                    0, null);
        }
        boolean sync = Boolean.TRUE.equals(record.get("syncEnabled"));
        SyncState state = record.get("syncState") instanceof String wire ? SyncState.byWire(wire) : null;
        if (state == null || (!sync && state != SyncState.DISABLED)) {
            state = sync ? SyncState.PENDING : SyncState.DISABLED;
        }
        long synced = record.get("lastSynced") instanceof Number n ? (long) n.doubleValue() : 0;
        String from = record.get("importedFrom") instanceof String s ? s : null;
        return new VaultItem(itemId, type, (String) name, data, sync, state, modified, modifiedBy, synced, from);
    }

    /** A refused value for a message: a text quoted, anything else by its kind (see {@link TypeNames}). */
    static String describe(Object value) {
        return value instanceof String s ? "'" + s + "'" : value == null ? "none" : TypeNames.of(value);
    }
}
