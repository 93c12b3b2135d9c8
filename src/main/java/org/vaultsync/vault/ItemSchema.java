package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data fields of each item type (product.md §3) with their bounds and defaults. The item's name is not a data
 * field (every item has one). {@link #VERSION} is written into the room's document and export files; fields a newer
 * version adds are kept, not dropped.
 */
public final class ItemSchema {
    /** Schema version this code writes. */
    public static final int VERSION = 1;
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_NOTES_LENGTH = 20_000;

    private static final Map<ItemType, Map<String, FieldSpec>> FIELDS = new LinkedHashMap<>();

    static {
        define(ItemType.UNIT,
                FieldSpec.text("chassis", "Chassis", 100),
                FieldSpec.text("model", "Model", 100),
                FieldSpec.choice("unitType", "Unit type", UnitType.values(), UnitType.BATTLEMECH),
                FieldSpec.choice("techBase", "Tech base", TechBase.values(), TechBase.INNER_SPHERE),
                FieldSpec.choice("rulesLevel", "Rules level", RulesLevel.values(), RulesLevel.STANDARD),
                FieldSpec.choice("era", "Era", Era.values(), Era.LATE_SUCCESSION_WARS),
                FieldSpec.integer("year", "Year", 2000, 3250, 3025),
                FieldSpec.number("tonnage", "Tonnage", 1, 2_500_000, 50),
                FieldSpec.integer("bv", "Battle value", 0, 1_000_000, 0),
                FieldSpec.number("cost", "Cost", 0, 1e13, 0),
                FieldSpec.integer("walk", "Walking MP", 0, 30, 0),
                FieldSpec.integer("jump", "Jumping MP", 0, 30, 0),
                FieldSpec.pointsByLocation("armor", "Armor", 10_000),
                FieldSpec.list("equipment", "Equipment", FieldKind.EQUIPMENT_LIST, 500, 100),
                FieldSpec.longText("notes", "Notes", MAX_NOTES_LENGTH));
        define(ItemType.PILOT,
                FieldSpec.text("callsign", "Callsign", 60),
                FieldSpec.text("affiliation", "Affiliation", 100),
                FieldSpec.choice("status", "Status", PilotStatus.values(), PilotStatus.ACTIVE),
                FieldSpec.integer("gunnery", "Gunnery", 1, 8, SkillTemplate.REGULAR.gunnery()),
                FieldSpec.integer("piloting", "Piloting", 1, 8, SkillTemplate.REGULAR.piloting()),
                FieldSpec.integer("wounds", "Wounds", 0, 6, 0),
                FieldSpec.integer("xp", "Experience", 0, 1_000_000, 0),
                FieldSpec.list("abilities", "Abilities", FieldKind.TEXT_LIST, 100, 100),
                FieldSpec.longText("notes", "Notes", MAX_NOTES_LENGTH));
        define(ItemType.FORCE,
                FieldSpec.choice("forceType", "Force type", ForceType.values(), ForceType.LANCE),
                FieldSpec.choice("status", "Status", ForceStatus.values(), ForceStatus.ACTIVE),
                FieldSpec.text("affiliation", "Affiliation", 100),
                FieldSpec.longText("description", "Description", MAX_NOTES_LENGTH),
                FieldSpec.list("assignments", "Assignments", FieldKind.ASSIGNMENTS, 50, 0));
    }

    private ItemSchema() {
    }

    private static void define(ItemType type, FieldSpec... specs) {
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (FieldSpec spec : specs) {
            fields.put(spec.key(), spec);
        }
        FIELDS.put(type, Collections.unmodifiableMap(fields));
    }

    public static List<FieldSpec> fields(ItemType type) {
        return new ArrayList<>(FIELDS.get(type).values());
    }

    /** The field {@code key} of {@code type}, or null when this version does not know it. */
    public static FieldSpec field(ItemType type, String key) {
        return FIELDS.get(type).get(key);
    }

    /** Every field of {@code type} at its default value (a fresh, mutable map). */
    public static Map<String, Object> defaults(ItemType type) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (FieldSpec spec : FIELDS.get(type).values()) {
            data.put(spec.key(), spec.defaultValue());
        }
        return data;
    }
}
