package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.common.ListRanges;
import org.vaultsync.crdt.types.SharedType;
import org.vaultsync.crdt.types.YArray;
import org.vaultsync.crdt.types.YMap;
import org.vaultsync.presence.PeerIdentity;

/**
 * The layout of shared items in a room's document (docs/vault-format.md): root map {@code vault-items}, one nested
 * map per item keyed by its id, one key per field, so concurrent edits of different fields all survive. Growing
 * lists are Y.Arrays (concurrent additions both survive), armor a Y.Map by location, a force's assignments a Y.Map
 * by slot number of Y.Maps. Local-only fields are never written. Reading checks every field against the schema:
 * what does not fit is left out and reported, never thrown.
 */
final class ItemLayout {
    static final String ROOT = "vault-items";
    static final String SCHEMA = "schema";
    static final String ID = "id";
    static final String TYPE = "type";
    static final String NAME = "name";
    static final String OWNER_ID = "ownerId";
    static final String OWNER_NAME = "ownerName";
    static final String LAST_MODIFIED = "lastModified";
    static final String LAST_MODIFIED_BY = "lastModifiedBy";
    static final String DATA = "data";
    /** How far the room's {@code lastModified} may lag behind the last edit (see {@link #touch}). */
    static final long MODIFIED_PRECISION_MILLIS = 60_000;

    private ItemLayout() {
    }

    /** A new entry for {@code item}, owned by {@code owner} (preliminary: written when set into the root map). */
    static YMap newEntry(VaultItem item, PeerIdentity owner) {
        YMap entry = new YMap();
        entry.set(SCHEMA, (double) ItemSchema.VERSION);
        entry.set(ID, item.id());
        entry.set(TYPE, item.type().wire());
        entry.set(NAME, item.name());
        entry.set(OWNER_ID, owner.id());
        entry.set(OWNER_NAME, owner.name());
        entry.set(LAST_MODIFIED, (double) item.lastModified());
        entry.set(LAST_MODIFIED_BY, owner.name());
        YMap data = new YMap();
        for (Map.Entry<String, Object> field : item.data().entrySet()) {
            FieldSpec spec = ItemSchema.field(item.type(), field.getKey());
            if (spec != null && spec.kind() == FieldKind.LONG_TEXT) {
                TextFieldCodec.write(data, field.getKey(), null, (String) field.getValue());
            } else {
                data.set(field.getKey(), fresh(spec, field.getValue()));
            }
        }
        entry.set(DATA, data);
        return entry;
    }

    /** Writes the fields of {@code item} whose room value differs (the smallest change per field kind). */
    static void writeDifferences(YMap entry, VaultItem item, PeerIdentity editor, long now) {
        boolean changed = false;
        if (!item.name().equals(entry.get(NAME))) {
            entry.set(NAME, item.name());
            changed = true;
        }
        YMap data;
        if (entry.get(DATA) instanceof YMap existing) {
            data = existing;
        } else {
            data = new YMap();
            entry.set(DATA, data);
        }
        for (Map.Entry<String, Object> field : item.data().entrySet()) {
            changed |= writeField(data, ItemSchema.field(item.type(), field.getKey()), field.getKey(),
                    field.getValue());
        }
        if (changed) {
            touch(entry, editor, now);
        }
    }

    /**
     * Records who edited and when, without costing every edit: {@code lastModifiedBy} is written only when the
     * editor changes, {@code lastModified} only then or when the room's value is a minute or more away from now.
     * Rewriting both on every edit made a one-field edit cost about 45 bytes in the update (65 with the name)
     * instead of about 30, and left one more deleted value per edit in the document's delete set.
     */
    private static void touch(YMap entry, PeerIdentity editor, long now) {
        boolean sameEditor = editor.name().equals(entry.get(LAST_MODIFIED_BY));
        if (!sameEditor) {
            entry.set(LAST_MODIFIED_BY, editor.name());
        }
        boolean recent = entry.get(LAST_MODIFIED) instanceof Number stored
                && Math.abs(now - stored.doubleValue()) < MODIFIED_PRECISION_MILLIS;
        if (!sameEditor || !recent) {
            entry.set(LAST_MODIFIED, (double) now);
        }
    }

    /** Writes one field; true if the room's value had to change. */
    static boolean writeField(YMap data, FieldSpec spec, String key, Object value) {
        Object raw = data.get(key);
        Object current = localValue(spec, raw);
        if (spec != null && spec.kind() == FieldKind.ASSIGNMENTS
                ? Assignment.parseAll(current).equals(Assignment.parseAll(value)) : JsonValues.same(current, value)) {
            return false;
        }
        if (spec == null) {
            data.set(key, value);
            return true;
        }
        FieldKind kind = spec.kind();
        if (kind == FieldKind.LONG_TEXT) {
            TextFieldCodec.write(data, key, raw, (String) value);
        } else if (kind.isList() && raw instanceof YArray array) {
            applyListDifference(array, (List<?>) value);
        } else if (kind == FieldKind.POINTS_BY_LOCATION && raw instanceof YMap map) {
            applyMapDifference(map, (Map<?, ?>) value);
        } else if (kind == FieldKind.ASSIGNMENTS && raw instanceof YMap slots) {
            applyAssignments(slots, (List<?>) value);
        } else {
            data.set(key, fresh(spec, value)); // a value replaced as a whole, or a room value of the wrong form
        }
        return true;
    }

    /** The room form of a field value written from scratch. */
    private static Object fresh(FieldSpec spec, Object value) {
        if (spec == null) {
            return value;
        }
        FieldKind kind = spec.kind();
        if (kind.isList()) {
            YArray array = new YArray();
            array.push((List<?>) value);
            return array;
        }
        if (kind == FieldKind.POINTS_BY_LOCATION) {
            YMap points = new YMap();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                points.set((String) entry.getKey(), entry.getValue());
            }
            return points;
        }
        if (kind == FieldKind.ASSIGNMENTS) {
            YMap slots = new YMap();
            for (Assignment assignment : Assignment.parseAll(value)) {
                slots.set(Integer.toString(assignment.slot()), slotEntry(assignment));
            }
            return slots;
        }
        return value;
    }

    private static YMap slotEntry(Assignment assignment) {
        YMap slot = new YMap();
        slot.set("position", assignment.position().wire());
        if (assignment.pilotId() != null) {
            slot.set("pilotId", assignment.pilotId());
        }
        if (assignment.unitId() != null) {
            slot.set("unitId", assignment.unitId());
        }
        return slot;
    }

    /** Replaces only the changed middle of the list, so entries others add concurrently elsewhere survive. */
    private static void applyListDifference(YArray array, List<?> target) {
        List<Object> current = array.toJSON();
        int prefix = 0;
        while (prefix < current.size() && prefix < target.size()
                && JsonValues.same(current.get(prefix), target.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < current.size() - prefix && suffix < target.size() - prefix
                && JsonValues.same(current.get(current.size() - 1 - suffix), target.get(target.size() - 1 - suffix))) {
            suffix++;
        }
        int removed = current.size() - prefix - suffix;
        if (removed > 0) {
            array.delete(prefix, removed);
        }
        if (prefix < target.size() - suffix) {
            array.insert(prefix, ListRanges.copy(target, prefix, target.size() - suffix));
        }
    }

    private static void applyMapDifference(YMap map, Map<?, ?> target) {
        for (String key : map.keys()) {
            if (!target.containsKey(key)) {
                map.delete(key);
            }
        }
        for (Map.Entry<?, ?> entry : target.entrySet()) {
            if (!JsonValues.same(map.get((String) entry.getKey()), entry.getValue())) {
                map.set((String) entry.getKey(), entry.getValue());
            }
        }
    }

    private static void applyAssignments(YMap slots, List<?> target) {
        Map<String, Assignment> wanted = new LinkedHashMap<>();
        for (Assignment assignment : Assignment.parseAll(target)) {
            wanted.put(Integer.toString(assignment.slot()), assignment);
        }
        for (String key : slots.keys()) {
            if (!wanted.containsKey(key)) {
                slots.delete(key);
            }
        }
        for (Map.Entry<String, Assignment> entry : wanted.entrySet()) {
            Assignment assignment = entry.getValue();
            if (slots.get(entry.getKey()) instanceof YMap slot) {
                setOrDelete(slot, "position", assignment.position().wire());
                setOrDelete(slot, "pilotId", assignment.pilotId());
                setOrDelete(slot, "unitId", assignment.unitId());
            } else {
                slots.set(entry.getKey(), slotEntry(assignment));
            }
        }
    }

    private static void setOrDelete(YMap map, String key, String value) {
        if (value == null) {
            if (map.has(key)) {
                map.delete(key);
            }
        } else if (!value.equals(map.get(key))) {
            map.set(key, value);
        }
    }

    /** What an entry in the room holds, as far as it fits the schema. */
    record Decoded(VaultItem item, String ownerId, String ownerName, Map<String, Object> validFields,
                   boolean nameValid, List<String> problems) {
        boolean usable() {
            return item != null;
        }
    }

    static Decoded read(String id, Object raw) {
        List<String> problems = new ArrayList<>();
        if (!(raw instanceof YMap entry)) {
            problems.add("Shared item " + id + " ignored: it is not a map");
            return new Decoded(null, null, null, null, false, problems);
        }
        Object typeWire = entry.get(TYPE);
        ItemType type = typeWire instanceof String wire ? ItemType.byWire(wire) : null;
        if (type == null) {
            problems.add("Shared item " + id + " ignored: type " + ItemRecords.describe(typeWire)
                    + " is not unit, pilot or force");
            return new Decoded(null, null, null, null, false, problems);
        }
        if (!(entry.get(OWNER_ID) instanceof String ownerId) || ownerId.isEmpty()) {
            problems.add("Shared item " + id + " ignored: it names no owner");
            return new Decoded(null, null, null, null, false, problems);
        }
        if (!(entry.get(DATA) instanceof YMap data)) {
            problems.add("Shared item " + id + " ignored: it has no data map");
            return new Decoded(null, null, null, null, false, problems);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (Map.Entry<String, Object> field : data.entries().entrySet()) {
            Object value = localValue(ItemSchema.field(type, field.getKey()), field.getValue());
            if (value == null || !JsonValues.isJson(value)) {
                unreadable.add(field.getKey());
            } else {
                values.put(field.getKey(), value);
            }
        }
        Map<String, Object> valid = new LinkedHashMap<>();
        for (Map.Entry<String, Object> field : values.entrySet()) {
            FieldSpec spec = ItemSchema.field(type, field.getKey());
            String problem = spec == null ? null : ItemValidator.checkField(spec, field.getValue(), values);
            if (problem == null) {
                valid.put(field.getKey(), JsonValues.copy(field.getValue()));
            } else {
                problems.add("Shared item " + id + ": field " + field.getKey() + " ignored: " + problem);
            }
        }
        for (String key : unreadable) {
            problems.add("Shared item " + id + ": field " + key + " ignored: it has the wrong form");
        }
        Object name = entry.get(NAME);
        String nameProblem = ItemValidator.checkName(name);
        if (nameProblem != null) {
            problems.add("Shared item " + id + ": name ignored: " + nameProblem);
        }
        long modified = entry.get(LAST_MODIFIED) instanceof Number n && Double.isFinite(n.doubleValue())
                ? (long) n.doubleValue() : 0;
        String modifiedBy = entry.get(LAST_MODIFIED_BY) instanceof String s ? s : null;
        String ownerName = entry.get(OWNER_NAME) instanceof String s ? s : "";
        VaultItem item = new VaultItem(id, type, nameProblem == null ? (String) name : "(unnamed)",
                ItemView.withDefaults(type, valid), false, SyncState.DISABLED, modified, modifiedBy, 0, null);
        return new Decoded(item, ownerId, ownerName, valid, nameProblem == null, problems);
    }

    /** The local (JSON) form of a room value of field {@code spec}; null when it has the wrong form. */
    static Object localValue(FieldSpec spec, Object raw) {
        if (spec == null) {
            return raw instanceof SharedType type ? type.toJSON() : raw;
        }
        FieldKind kind = spec.kind();
        if (kind == FieldKind.LONG_TEXT) {
            return TextFieldCodec.read(raw);
        }
        if (kind.isList()) {
            return raw instanceof YArray array ? array.toJSON() : raw instanceof List<?> ? raw : null;
        }
        if (kind == FieldKind.POINTS_BY_LOCATION) {
            return raw instanceof YMap map ? map.toJSON() : raw instanceof Map<?, ?> ? raw : null;
        }
        if (kind == FieldKind.ASSIGNMENTS) {
            return raw instanceof YMap slots ? assignmentsOf(slots) : null;
        }
        return raw instanceof SharedType ? null : raw;
    }

    private static List<Object> assignmentsOf(YMap slots) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Object> entry : slots.entries().entrySet()) {
            int slot = slotNumber(entry.getKey());
            Map<?, ?> fields = entry.getValue() instanceof YMap map ? map.toJSON()
                    : entry.getValue() instanceof Map<?, ?> plain ? plain : null;
            if (slot < 1 || fields == null) {
                return null;
            }
            Map<String, Object> assignment = new LinkedHashMap<>();
            assignment.put("slot", (double) slot);
            for (String key : new String[] {"position", "pilotId", "unitId"}) {
                if (fields.get(key) != null) {
                    assignment.put(key, fields.get(key));
                }
            }
            out.add(assignment);
        }
        out.sort((a, b) -> Double.compare((Double) a.get("slot"), (Double) b.get("slot")));
        return new ArrayList<>(out);
    }

    private static int slotNumber(String key) {
        if (key.isEmpty() || key.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9' || (i == 0 && c == '0')) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
