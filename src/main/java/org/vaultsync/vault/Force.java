package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A force item seen through its fields: type (and so its slot count), status, assignments, derived totals. */
public final class Force extends ItemView {
    public Force(VaultItem item) {
        super(item, ItemType.FORCE);
    }

    public static VaultItem create(String id, String name, ForceType type, Map<String, ?> fields) {
        Map<String, Object> data = ItemSchema.defaults(ItemType.FORCE);
        data.put("forceType", type.wire());
        data.putAll(fields);
        return VaultItem.of(id, ItemType.FORCE, name, data, false);
    }

    public ForceType forceType() {
        return choice(ForceType.values(), "forceType");
    }

    public int slots() {
        return forceType().slots();
    }

    public ForceStatus status() {
        return choice(ForceStatus.values(), "status");
    }

    public String affiliation() {
        return text("affiliation");
    }

    public String description() {
        return text("description");
    }

    /** The filled slots, by slot number. */
    public List<Assignment> assignments() {
        return Assignment.bySlot(Assignment.parseAll(item.get("assignments")));
    }

    /** The {@code assignments} value with {@code slot} set to these pilot and unit (position kept or defaulted). */
    public List<Object> assignmentsWith(int slot, String pilotId, String unitId) {
        List<Assignment> out = new ArrayList<>();
        ForcePosition position = Assignment.defaultPosition(slot);
        for (Assignment existing : assignments()) {
            if (existing.slot() == slot) {
                position = existing.position();
            } else {
                out.add(existing);
            }
        }
        out.add(new Assignment(slot, position, pilotId, unitId));
        return Assignment.toJson(Assignment.bySlot(out));
    }

    /** Totals over the assigned pilots and units that {@code lookup} finds (product.md §3). */
    public ForceTotals totals(ItemLookup lookup) {
        int bv = 0;
        double tons = 0;
        int pilots = 0;
        int units = 0;
        int filled = 0;
        int gunnery = 0;
        int piloting = 0;
        for (Assignment assignment : assignments()) {
            if (assignment.pilotId() == null && assignment.unitId() == null) {
                continue;
            }
            filled++;
            VaultItem pilot = assignment.pilotId() == null ? null : lookup.find(assignment.pilotId());
            if (pilot != null && pilot.type() == ItemType.PILOT) {
                Pilot view = new Pilot(pilot);
                pilots++;
                gunnery += view.gunnery();
                piloting += view.piloting();
            }
            VaultItem unit = assignment.unitId() == null ? null : lookup.find(assignment.unitId());
            if (unit != null && unit.type() == ItemType.UNIT) {
                Unit view = new Unit(unit);
                units++;
                bv += view.battleValue();
                tons += view.tonnage();
            }
        }
        return new ForceTotals(bv, tons, pilots, units, Math.max(0, slots() - filled),
                pilots == 0 ? Double.NaN : (double) gunnery / pilots, pilots == 0 ? Double.NaN : (double) piloting / pilots);
    }
}
