package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One slot of a force: its 1-based number, the position (slot 1 defaults to lead, the others to member) and the
 * pilot and unit in it (null when empty).
 */
public record Assignment(int slot, ForcePosition position, String pilotId, String unitId) {
    public static ForcePosition defaultPosition(int slot) {
        return slot == 1 ? ForcePosition.LEAD : ForcePosition.MEMBER;
    }

    public static Assignment of(int slot, String pilotId, String unitId) {
        return new Assignment(slot, defaultPosition(slot), pilotId, unitId);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slot", (double) slot);
        json.put("position", position.wire());
        if (pilotId != null) {
            json.put("pilotId", pilotId);
        }
        if (unitId != null) {
            json.put("unitId", unitId);
        }
        return json;
    }

    /** The assignments of a force's {@code assignments} field (entries that do not fit are skipped). */
    public static List<Assignment> parseAll(Object field) {
        List<Assignment> out = new ArrayList<>();
        if (field instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map && map.get("slot") instanceof Number slot) {
                    int number = (int) slot.doubleValue();
                    ForcePosition position = map.get("position") instanceof String wire
                            && ForcePosition.byWire(wire) != null ? ForcePosition.byWire(wire) : defaultPosition(number);
                    out.add(new Assignment(number, position, map.get("pilotId") instanceof String p ? p : null,
                            map.get("unitId") instanceof String u ? u : null));
                }
            }
        }
        return out;
    }

    /** {@code assignments}, sorted by slot number in place. */
    public static List<Assignment> bySlot(List<Assignment> assignments) {
        assignments.sort((a, b) -> Integer.compare(a.slot, b.slot));
        return assignments;
    }

    public static List<Object> toJson(List<Assignment> assignments) {
        List<Object> out = new ArrayList<>();
        for (Assignment assignment : assignments) {
            out.add(assignment.toJson());
        }
        return out;
    }
}
