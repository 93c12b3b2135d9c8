package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The assignment rules that need other items: a pilot can take a slot only if it exists, is not MIA, KIA or
 * retired, and holds no other slot of the same force (the last one {@link ItemValidator} checks); a unit must exist.
 * Only slots whose pilot or unit changed are checked, so a pilot who is later reported KIA does not make the
 * force impossible to edit.
 */
public final class ForceRules {
    private ForceRules() {
    }

    public static List<FieldError> check(Map<String, ?> before, Map<String, ?> after, ItemLookup lookup) {
        List<FieldError> errors = new ArrayList<>();
        List<Assignment> old = Assignment.parseAll(before == null ? null : before.get("assignments"));
        for (Assignment assignment : Assignment.parseAll(after.get("assignments"))) {
            Assignment previous = null;
            for (Assignment candidate : old) {
                if (candidate.slot() == assignment.slot()) {
                    previous = candidate;
                }
            }
            if (assignment.pilotId() != null
                    && (previous == null || !assignment.pilotId().equals(previous.pilotId()))) {
                VaultItem pilot = lookup.find(assignment.pilotId());
                if (pilot == null || pilot.type() != ItemType.PILOT) {
                    errors.add(new FieldError("assignments", "Slot " + assignment.slot() + ": pilot "
                            + assignment.pilotId() + " does not exist"));
                } else if (!new Pilot(pilot).assignable()) {
                    errors.add(new FieldError("assignments", "Slot " + assignment.slot() + ": " + pilot.name()
                            + " is " + new Pilot(pilot).status().label() + " and cannot be assigned"));
                }
            }
            if (assignment.unitId() != null && (previous == null || !assignment.unitId().equals(previous.unitId()))) {
                VaultItem unit = lookup.find(assignment.unitId());
                if (unit == null || unit.type() != ItemType.UNIT) {
                    errors.add(new FieldError("assignments", "Slot " + assignment.slot() + ": unit "
                            + assignment.unitId() + " does not exist"));
                }
            }
        }
        return errors;
    }
}
