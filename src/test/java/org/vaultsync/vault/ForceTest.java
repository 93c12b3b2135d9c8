package org.vaultsync.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Assignment rules that need other items, and a force's derived totals. */
class ForceTest {
    private final Map<String, VaultItem> vault = new HashMap<>();

    private VaultItem put(VaultItem item) {
        vault.put(item.id(), item);
        return item;
    }

    private List<FieldError> assign(VaultItem force, int slot, String pilotId, String unitId) {
        Map<String, Object> after = new HashMap<>(force.data());
        after.put("assignments", new Force(force).assignmentsWith(slot, pilotId, unitId));
        return ForceRules.check(force.data(), after, vault::get);
    }

    @Test
    void aPilotMustExistAndBeAvailable() {
        VaultItem force = put(Force.create("f", "Alpha", ForceType.LANCE, Map.of()));
        put(Pilot.create("ok", "Ready", SkillTemplate.REGULAR, Map.of()));
        put(Pilot.create("hurt", "Hurt", SkillTemplate.REGULAR, Map.of("status", "injured")));
        put(Pilot.create("mia", "Lost", SkillTemplate.REGULAR, Map.of("status", "mia")));
        put(Pilot.create("kia", "Fallen", SkillTemplate.REGULAR, Map.of("status", "kia")));
        put(Pilot.create("ret", "Old", SkillTemplate.REGULAR, Map.of("status", "retired")));
        assertEquals(List.of(), assign(force, 1, "ok", null));
        assertEquals(List.of(), assign(force, 1, "hurt", null));
        assertEquals("Slot 1: pilot nobody does not exist", assign(force, 1, "nobody", null).get(0).message());
        assertEquals("Slot 1: Lost is MIA and cannot be assigned", assign(force, 1, "mia", null).get(0).message());
        assertEquals("Slot 1: Fallen is KIA and cannot be assigned", assign(force, 1, "kia", null).get(0).message());
        assertEquals("Slot 1: Old is Retired and cannot be assigned", assign(force, 1, "ret", null).get(0).message());
        assertEquals("Slot 2: unit u9 does not exist", assign(force, 2, null, "u9").get(0).message());
        put(Unit.create("u1", "Atlas", Map.of()));
        assertEquals("Slot 2: pilot u1 does not exist", assign(force, 2, "u1", null).get(0).message());
    }

    @Test
    void aPilotReportedKiaLaterDoesNotBlockOtherEdits() {
        put(Pilot.create("p", "Fallen", SkillTemplate.REGULAR, Map.of("status", "kia")));
        VaultItem force = put(Force.create("f", "Alpha", ForceType.LANCE,
                Map.of("assignments", List.of(Map.of("slot", 1.0, "pilotId", "p")))));
        put(Unit.create("u", "Atlas", Map.of()));
        assertEquals(List.of(), assign(force, 1, "p", "u"));
    }

    @Test
    void totalsSumUnitsAndAverageSkills() {
        put(Pilot.create("p1", "A", SkillTemplate.ELITE, Map.of()));
        put(Pilot.create("p2", "B", SkillTemplate.GREEN, Map.of()));
        put(Unit.create("u1", "Atlas", Map.of("tonnage", 100.0, "bv", 1897.0)));
        put(Unit.create("u2", "Locust", Map.of("tonnage", 20.0, "bv", 432.0)));
        VaultItem force = Force.create("f", "Alpha", ForceType.LANCE, Map.of("assignments", List.of(
                Map.of("slot", 1.0, "pilotId", "p1", "unitId", "u1"),
                Map.of("slot", 2.0, "pilotId", "p2", "unitId", "u2"),
                Map.of("slot", 3.0, "unitId", "gone"))));
        ForceTotals totals = new Force(force).totals(vault::get);
        assertEquals(2329, totals.battleValue());
        assertEquals(120.0, totals.tonnage());
        assertEquals(2, totals.assignedPilots());
        assertEquals(2, totals.assignedUnits());
        assertEquals(1, totals.emptySlots());
        assertEquals(3.5, totals.averageGunnery());
        assertEquals(4.5, totals.averagePiloting());
    }

    @Test
    void anEmptyForceHasNoAverages() {
        ForceTotals totals = new Force(Force.create("f", "Empty", ForceType.COMPANY, Map.of())).totals(vault::get);
        assertEquals(12, totals.emptySlots());
        assertTrue(Double.isNaN(totals.averageGunnery()));
        assertEquals(0, totals.battleValue());
    }
}
