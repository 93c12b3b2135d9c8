package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultsync.json.Json;

/**
 * Checks an item's name and data against {@link ItemSchema}, one clear message per broken field. The rules that
 * need other items (does the assigned pilot exist, is it still active) are {@link ForceRules}'.
 */
public final class ItemValidator {
    private ItemValidator() {
    }

    /**
     * Every problem of the item; empty when it is valid. Fields this version does not know are allowed only when
     * {@code unknownFieldsAllowed} (data written by a newer version, from a file or a room); from our own UI an
     * unknown field is a mistake and reported.
     */
    public static List<FieldError> validate(ItemType type, String name, Map<String, ?> data,
                                            boolean unknownFieldsAllowed) {
        List<FieldError> errors = new ArrayList<>();
        String nameProblem = checkName(name);
        if (nameProblem != null) {
            errors.add(new FieldError("name", nameProblem));
        }
        for (Map.Entry<String, ?> entry : data.entrySet()) {
            FieldSpec spec = ItemSchema.field(type, entry.getKey());
            if (spec == null) {
                if (!unknownFieldsAllowed) {
                    errors.addAll(unknownFields(type, List.of(entry.getKey())));
                } else if (!JsonValues.isJson(entry.getValue())) {
                    errors.add(new FieldError(entry.getKey(), "Field '" + entry.getKey() + "' is not a JSON value"));
                }
                continue;
            }
            String problem = checkField(spec, entry.getValue(), data);
            if (problem != null) {
                errors.add(new FieldError(spec.key(), problem));
            }
        }
        return errors;
    }

    /** The fields among {@code keys} that {@code type} does not have (a patch may only set known fields). */
    public static List<FieldError> unknownFields(ItemType type, Iterable<String> keys) {
        List<FieldError> errors = new ArrayList<>();
        for (String key : keys) {
            if (ItemSchema.field(type, key) == null) {
                errors.add(new FieldError(key, "Unknown field '" + key + "' for a " + type.wire()));
            }
        }
        return errors;
    }

    /** Throws {@link InvalidItemException} listing every problem, or returns quietly. */
    public static void require(ItemType type, String name, Map<String, ?> data, boolean unknownFieldsAllowed) {
        List<FieldError> errors = validate(type, name, data, unknownFieldsAllowed);
        if (!errors.isEmpty()) {
            throw new InvalidItemException(errors);
        }
    }

    public static String checkName(Object name) {
        if (!(name instanceof String text) || text.trim().isEmpty()) {
            return "Name is required";
        }
        if (text.length() > ItemSchema.MAX_NAME_LENGTH) {
            return "Name must be at most " + ItemSchema.MAX_NAME_LENGTH + " characters";
        }
        return null;
    }

    /** The message for {@code value} in field {@code spec} (whose item data is {@code data}), or null if it fits. */
    public static String checkField(FieldSpec spec, Object value, Map<String, ?> data) {
        String label = spec.label();
        FieldKind kind = spec.kind(); // tested with ==, not a switch (see FieldKind)
        if (kind == FieldKind.TEXT || kind == FieldKind.LONG_TEXT) {
            if (!(value instanceof String text)) {
                return label + " must be text";
            }
            return text.length() > spec.maxLength()
                    ? label + " must be at most " + spec.maxLength() + " characters" : null;
        }
        if (kind == FieldKind.INTEGER) {
            return isWholeIn(value, spec.min(), spec.max()) ? null
                    : label + " must be a whole number from " + number(spec.min()) + " to " + number(spec.max());
        }
        if (kind == FieldKind.NUMBER) {
            return value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= spec.min()
                    && n.doubleValue() <= spec.max() ? null
                    : label + " must be a number from " + number(spec.min()) + " to " + number(spec.max());
        }
        if (kind == FieldKind.CHOICE) {
            return value instanceof String wire && Choice.byWire(spec.choicesUnsafe(), wire) != null ? null
                    : label + " must be one of: " + Choice.labels(spec.choicesUnsafe());
        }
        if (kind == FieldKind.TEXT_LIST) {
            return checkTextList(spec, value);
        }
        if (kind == FieldKind.EQUIPMENT_LIST) {
            return checkEquipment(spec, value);
        }
        if (kind == FieldKind.POINTS_BY_LOCATION) {
            return checkPoints(spec, value);
        }
        return checkAssignments(value, data);
    }

    private static String checkTextList(FieldSpec spec, Object value) {
        if (!(value instanceof List<?> list)) {
            return spec.label() + " must be a list of texts";
        }
        if (list.size() > spec.max()) {
            return spec.label() + " can hold at most " + number(spec.max()) + " entries";
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text) || text.trim().isEmpty()) {
                return spec.label() + " entry " + (i + 1) + " must be a non-empty text";
            }
            if (text.length() > spec.maxLength()) {
                return spec.label() + " entry " + (i + 1) + " must be at most " + spec.maxLength() + " characters";
            }
        }
        return null;
    }

    private static String checkEquipment(FieldSpec spec, Object value) {
        if (!(value instanceof List<?> list)) {
            return "Equipment must be a list of entries with a name and a location";
        }
        if (list.size() > spec.max()) {
            return "Equipment can hold at most " + number(spec.max()) + " entries";
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                return "Equipment entry " + (i + 1) + " must have a name and a location";
            }
            if (!(entry.get("name") instanceof String name) || name.trim().isEmpty()) {
                return "Equipment entry " + (i + 1) + " needs a name";
            }
            if (name.length() > spec.maxLength()) {
                return "Equipment entry " + (i + 1) + " name must be at most " + spec.maxLength() + " characters";
            }
            Object location = entry.get("location");
            if (location != null && !(location instanceof String text && text.length() <= 40)) {
                return "Equipment entry " + (i + 1) + " location must be text of at most 40 characters";
            }
        }
        return null;
    }

    private static String checkPoints(FieldSpec spec, Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return spec.label() + " must map locations to points";
        }
        if (map.size() > 64) {
            return spec.label() + " can have at most 64 locations";
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String location = (String) entry.getKey();
            if (location.trim().isEmpty() || location.length() > spec.maxLength()) {
                return spec.label() + " locations must be names of 1 to " + spec.maxLength() + " characters";
            }
            if (!isWholeIn(entry.getValue(), 0, spec.max())) {
                return spec.label() + " at " + location + " must be a whole number from 0 to " + number(spec.max());
            }
        }
        return null;
    }

    private static String checkAssignments(Object value, Map<String, ?> data) {
        if (!(value instanceof List<?> list)) {
            return "Assignments must be a list of slots";
        }
        Object typeWire = data == null ? null : data.get("forceType");
        ForceType forceType = typeWire instanceof String wire && ForceType.byWire(wire) != null
                ? ForceType.byWire(wire) : ForceType.LANCE;
        Set<Integer> slots = new HashSet<>();
        Set<String> pilots = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                return "Assignment " + (i + 1) + " must be a slot with a position";
            }
            Object slot = entry.get("slot");
            if (!isWholeIn(slot, 1, forceType.slots())) {
                return "Assignment " + (i + 1) + " needs a slot from 1 to " + forceType.slots() + " (a "
                        + forceType.label() + " has " + forceType.slots() + " slots)";
            }
            int slotNumber = ((Number) slot).intValue();
            if (!slots.add(slotNumber)) {
                return "Slot " + slotNumber + " is assigned twice";
            }
            Object position = entry.get("position");
            if (position != null && !(position instanceof String wire && ForcePosition.byWire(wire) != null)) {
                return "Position of slot " + slotNumber + " must be one of: " + Choice.labels(ForcePosition.values());
            }
            for (String key : new String[] {"pilotId", "unitId"}) {
                Object id = entry.get(key);
                if (id != null && !(id instanceof String text && !text.isEmpty() && text.length() <= 100)) {
                    return (key.equals("pilotId") ? "Pilot" : "Unit") + " of slot " + slotNumber
                            + " must be an item id";
                }
            }
            Object pilot = entry.get("pilotId");
            if (pilot != null && !pilots.add((String) pilot)) {
                return "A pilot can hold only one slot of a force (slot " + slotNumber + " repeats a pilot)";
            }
        }
        return null;
    }

    private static boolean isWholeIn(Object value, double min, double max) {
        if (!(value instanceof Number n)) {
            return false;
        }
        double d = n.doubleValue();
        return Double.isFinite(d) && d == Math.floor(d) && d >= min && d <= max;
    }

    private static String number(double value) {
        return Json.formatNumber(value);
    }
}
