package org.vaultsync.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of the model (product.md §3) and the message it gives, naming the field. */
class ItemValidationTest {
    private static String messageFor(ItemType type, String field, Object value) {
        Map<String, Object> data = ItemSchema.defaults(type);
        data.put(field, value);
        List<FieldError> errors = ItemValidator.validate(type, "Item", data, false);
        for (FieldError error : errors) {
            if (error.field().equals(field)) {
                return error.message();
            }
        }
        return null;
    }

    @Test
    void defaultsOfEveryTypeAreValid() {
        for (ItemType type : ItemType.values()) {
            assertEquals(List.of(), ItemValidator.validate(type, "Item", ItemSchema.defaults(type), false), type.wire());
        }
    }

    @Test
    void nameIsRequiredAndBounded() {
        assertEquals("Name is required", ItemValidator.checkName(""));
        assertEquals("Name is required", ItemValidator.checkName("   "));
        assertEquals("Name is required", ItemValidator.checkName(null));
        assertEquals("Name must be at most 100 characters", ItemValidator.checkName("x".repeat(101)));
        assertNull(ItemValidator.checkName("x".repeat(100)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "gunnery|0|Gunnery must be a whole number from 1 to 8",
        "gunnery|9|Gunnery must be a whole number from 1 to 8",
        "gunnery|3.5|Gunnery must be a whole number from 1 to 8",
        "piloting|0|Piloting must be a whole number from 1 to 8",
        "wounds|7|Wounds must be a whole number from 0 to 6",
        "wounds|-1|Wounds must be a whole number from 0 to 6",
        "xp|-5|Experience must be a whole number from 0 to 1000000"})
    void pilotNumbersOutOfRangeNameTheirField(String field, double value, String message) {
        assertEquals(message, messageFor(ItemType.PILOT, field, value));
    }

    @Test
    void pilotBoundsAreInclusive() {
        for (double skill : new double[] {1, 8}) {
            assertNull(messageFor(ItemType.PILOT, "gunnery", skill));
            assertNull(messageFor(ItemType.PILOT, "piloting", skill));
        }
        assertNull(messageFor(ItemType.PILOT, "wounds", 0.0));
        assertNull(messageFor(ItemType.PILOT, "wounds", 6.0));
    }

    @Test
    void aNumberFieldRejectsText() {
        assertEquals("Gunnery must be a whole number from 1 to 8", messageFor(ItemType.PILOT, "gunnery", "4"));
        assertEquals("Tonnage must be a number from 1 to 2500000", messageFor(ItemType.UNIT, "tonnage", "heavy"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tonnage|0|Tonnage must be a number from 1 to 2500000",
        "year|1999|Year must be a whole number from 2000 to 3250",
        "bv|-1|Battle value must be a whole number from 0 to 1000000",
        "cost|-1|Cost must be a number from 0 to 10000000000000",
        "walk|31|Walking MP must be a whole number from 0 to 30",
        "jump|-1|Jumping MP must be a whole number from 0 to 30"})
    void unitNumbersOutOfRangeNameTheirField(String field, double value, String message) {
        assertEquals(message, messageFor(ItemType.UNIT, field, value));
    }

    @Test
    void choicesListWhatIsAllowed() {
        assertEquals("Unit type must be one of: BattleMech, OmniMech, IndustrialMech, ProtoMech, Vehicle, VTOL, "
                + "Aerospace, Conventional Fighter, Small Craft, DropShip, JumpShip, WarShip, Space Station, Infantry, "
                + "Battle Armor, Support Vehicle", messageFor(ItemType.UNIT, "unitType", "Mech"));
        assertEquals("Tech base must be one of: Inner Sphere, Clan", messageFor(ItemType.UNIT, "techBase", "Periphery"));
        assertEquals("Rules level must be one of: Introductory, Standard, Advanced, Experimental",
                messageFor(ItemType.UNIT, "rulesLevel", 2.0));
        assertTrue(messageFor(ItemType.UNIT, "era", "Now").startsWith("Era must be one of: Early Spaceflight, Age of War"));
        assertEquals("Status must be one of: Active, Injured, MIA, KIA, Retired",
                messageFor(ItemType.PILOT, "status", "dead"));
        assertEquals("Force type must be one of: Lance, Star, Level II, Company, Binary, Battalion, Cluster, Custom",
                messageFor(ItemType.FORCE, "forceType", "platoon"));
        assertEquals("Status must be one of: Active, Maintenance, Transit, Disbanded",
                messageFor(ItemType.FORCE, "status", "lost"));
        for (UnitType type : UnitType.values()) {
            assertNull(messageFor(ItemType.UNIT, "unitType", type.wire()));
        }
    }

    @Test
    void textsMustBeTextAndBounded() {
        assertEquals("Chassis must be text", messageFor(ItemType.UNIT, "chassis", 5.0));
        assertEquals("Chassis must be at most 100 characters", messageFor(ItemType.UNIT, "chassis", "x".repeat(101)));
        assertEquals("Callsign must be at most 60 characters", messageFor(ItemType.PILOT, "callsign", "x".repeat(61)));
        assertEquals("Notes must be at most 20000 characters", messageFor(ItemType.UNIT, "notes", "x".repeat(20_001)));
        assertEquals("Description must be text", messageFor(ItemType.FORCE, "description", List.of()));
    }

    @Test
    void listsAreCheckedEntryByEntry() {
        assertEquals("Abilities must be a list of texts", messageFor(ItemType.PILOT, "abilities", "Sniper"));
        assertEquals("Abilities entry 2 must be a non-empty text",
                messageFor(ItemType.PILOT, "abilities", List.of("Sniper", "")));
        assertEquals("Equipment entry 1 needs a name",
                messageFor(ItemType.UNIT, "equipment", List.of(Map.of("location", "RA"))));
        assertEquals("Equipment entry 2 location must be text of at most 40 characters",
                messageFor(ItemType.UNIT, "equipment", List.of(Map.of("name", "AC/20"),
                        Map.of("name", "SRM-6", "location", 3.0))));
        assertEquals("Armor at LT must be a whole number from 0 to 10000",
                messageFor(ItemType.UNIT, "armor", Map.of("LT", -3.0)));
        assertEquals("Armor must map locations to points", messageFor(ItemType.UNIT, "armor", List.of()));
        assertNull(messageFor(ItemType.UNIT, "armor", Map.of("Head", 9.0, "Center Torso", 47.0)));
    }

    @Test
    void assignmentsRespectTheForceTypesSlotCount() {
        Map<String, Object> lance = ItemSchema.defaults(ItemType.FORCE);
        lance.put("assignments", List.of(Map.of("slot", 5.0)));
        assertEquals("Assignment 1 needs a slot from 1 to 4 (a Lance has 4 slots)",
                ItemValidator.validate(ItemType.FORCE, "F", lance, false).get(0).message());
        Map<String, Object> star = new HashMap<>(lance);
        star.put("forceType", "star");
        assertEquals(List.of(), ItemValidator.validate(ItemType.FORCE, "F", star, false));
        assertEquals(4, ForceType.LANCE.slots());
        assertEquals(5, ForceType.STAR.slots());
        assertEquals(6, ForceType.LEVEL_II.slots());
        assertEquals(12, ForceType.COMPANY.slots());
        assertEquals(10, ForceType.BINARY.slots());
        assertEquals(36, ForceType.BATTALION.slots());
        assertEquals(50, ForceType.CLUSTER.slots());
        assertEquals(4, ForceType.CUSTOM.slots());
    }

    @Test
    void aSlotOrAPilotTakenTwiceIsRejected() {
        assertEquals("Slot 2 is assigned twice", messageFor(ItemType.FORCE, "assignments",
                List.of(Map.of("slot", 2.0), Map.of("slot", 2.0))));
        assertEquals("A pilot can hold only one slot of a force (slot 2 repeats a pilot)",
                messageFor(ItemType.FORCE, "assignments", List.of(Map.of("slot", 1.0, "pilotId", "p1"),
                        Map.of("slot", 2.0, "pilotId", "p1"))));
        assertEquals("Position of slot 1 must be one of: Commander, Executive, Lead, Member, Scout, Fire Support",
                messageFor(ItemType.FORCE, "assignments", List.of(Map.of("slot", 1.0, "position", "boss"))));
        assertEquals("Pilot of slot 1 must be an item id",
                messageFor(ItemType.FORCE, "assignments", List.of(Map.of("slot", 1.0, "pilotId", 7.0))));
    }

    @Test
    void slotOneDefaultsToLeadAndOthersToMember() {
        VaultItem force = Force.create("f", "Alpha", ForceType.LANCE, Map.of("assignments",
                List.of(Map.of("slot", 1.0), Map.of("slot", 2.0))));
        List<Assignment> assignments = new Force(force).assignments();
        assertEquals(ForcePosition.LEAD, assignments.get(0).position());
        assertEquals(ForcePosition.MEMBER, assignments.get(1).position());
    }

    @Test
    void unknownFieldsAreMistakesLocallyButKeptFromNewerVersions() {
        Map<String, Object> data = ItemSchema.defaults(ItemType.UNIT);
        data.put("quirks", List.of("Easy to pilot"));
        assertEquals("Unknown field 'quirks' for a unit",
                ItemValidator.validate(ItemType.UNIT, "U", data, false).get(0).message());
        assertEquals(List.of(), ItemValidator.validate(ItemType.UNIT, "U", data, true));
    }

    @Test
    void requireThrowsATypedErrorListingEveryField() {
        Map<String, Object> data = ItemSchema.defaults(ItemType.PILOT);
        data.put("gunnery", 0.0);
        data.put("wounds", 9.0);
        InvalidItemException error = assertThrows(InvalidItemException.class,
                () -> ItemValidator.require(ItemType.PILOT, "", data, false));
        assertEquals(3, error.errors().size());
        assertEquals("Name is required", error.messageFor("name"));
        assertEquals("Gunnery must be a whole number from 1 to 8", error.messageFor("gunnery"));
        assertEquals("Wounds must be a whole number from 0 to 6", error.messageFor("wounds"));
    }

    @Test
    void pilotDefaultsAreRegularAndTemplatesSetSkillsAndExperience() {
        Pilot regular = new Pilot(Pilot.create("p", "Kai", SkillTemplate.REGULAR, Map.of()));
        assertEquals(4, regular.gunnery());
        assertEquals(5, regular.piloting());
        assertEquals(PilotStatus.ACTIVE, regular.status());
        assertEquals(0, regular.wounds());
        assertEquals(4.0, ItemSchema.defaults(ItemType.PILOT).get("gunnery"));
        assertEquals(5.0, ItemSchema.defaults(ItemType.PILOT).get("piloting"));
        Pilot green = new Pilot(Pilot.create("p", "Kai", SkillTemplate.GREEN, Map.of()));
        assertEquals(List.of(5, 6, 0), List.of(green.gunnery(), green.piloting(), green.xp()));
        Pilot veteran = new Pilot(Pilot.create("p", "Kai", SkillTemplate.VETERAN, Map.of()));
        assertEquals(List.of(3, 4, 50), List.of(veteran.gunnery(), veteran.piloting(), veteran.xp()));
        Pilot elite = new Pilot(Pilot.create("p", "Kai", SkillTemplate.ELITE, Map.of()));
        assertEquals(List.of(2, 3, 100), List.of(elite.gunnery(), elite.piloting(), elite.xp()));
    }

    @ParameterizedTest
    @CsvSource({"10,ULTRALIGHT", "19.5,ULTRALIGHT", "20,LIGHT", "35,LIGHT", "40,MEDIUM", "55,MEDIUM", "60,HEAVY",
        "75,HEAVY", "80,ASSAULT", "100,ASSAULT", "101,SUPER_HEAVY", "200,SUPER_HEAVY"})
    void weightClassFollowsTonnage(double tons, WeightClass expected) {
        assertEquals(expected, WeightClass.ofTonnage(tons));
        assertEquals(expected, new Unit(Unit.create("u", "U", Map.of("tonnage", tons))).weightClass());
    }
}
