package org.vaultsync.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldTextTest {
    private static FieldSpec unitField(String key) {
        return ItemSchema.field(ItemType.UNIT, key);
    }

    private static FieldText.Parsed parse(String key, String text) {
        return FieldText.parse(unitField(key), text, ItemSchema.defaults(ItemType.UNIT));
    }

    @Test
    void numbersAreTypedAsTextWithGroupingAndGetTheModelsRangeMessages() {
        assertEquals(75.0, parse("tonnage", " 75 ").value());
        assertEquals(1_500_000.0, parse("cost", "1,500,000").value());
        assertEquals(37.5, parse("tonnage", "37.5").value());
        assertEquals("Tonnage is required", parse("tonnage", "").error());
        assertEquals("Tonnage must be a number", parse("tonnage", "75t").error());
        assertEquals("Tonnage must be a number", parse("tonnage", "1e3").error(), "no exponents");
        assertEquals("Tonnage must be a number", parse("tonnage", "1d").error(), "no Java suffixes");
        assertEquals("Tonnage must be a number from 1 to 2500000", parse("tonnage", "0").error());
        assertEquals("Walking MP must be a whole number from 0 to 30", parse("walk", "2.5").error());
        assertEquals("75", FieldText.format(unitField("tonnage"), 75.0));
    }

    @Test
    void listsAreOneEntryPerLineAndEquipmentKeepsItsLocationInBrackets() {
        Object equipment = parse("equipment", "AC/20 (RT)\n\n  Medium Laser  \n").value();
        assertEquals(List.of(Map.of("name", "AC/20", "location", "RT"), Map.of("name", "Medium Laser", "location", "")),
                equipment);
        assertEquals("AC/20 (RT)\nMedium Laser", FieldText.format(unitField("equipment"), equipment));
        FieldSpec abilities = ItemSchema.field(ItemType.PILOT, "abilities");
        Object parsed = FieldText.parse(abilities, "Marksman\nJumping Jack", Map.of()).value();
        assertEquals(List.of("Marksman", "Jumping Jack"), parsed);
        assertEquals("Marksman\nJumping Jack", FieldText.format(abilities, parsed));
    }

    @Test
    void armorIsOneLocationPerLineWithPoints() {
        Object armor = parse("armor", "HD: 9\nLeft Torso 20\nCT:47").value();
        assertEquals(Map.of("HD", 9.0, "Left Torso", 20.0, "CT", 47.0), armor);
        assertEquals("HD: 9\nLeft Torso: 20\nCT: 47", FieldText.format(unitField("armor"), armor));
        assertEquals("Armor line 2 needs a location and points, like HD: 9", parse("armor", "HD: 9\nCT").error());
        assertEquals("Armor at HD must be a whole number from 0 to 10000", parse("armor", "HD: 9.5").error());
    }

    @Test
    void theNameUsesTheModelsRule() {
        assertEquals("Name is required", FieldText.parseName("   ").error());
        assertEquals("Atlas", FieldText.parseName("Atlas").value());
    }
}
