package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A unit item seen through its fields (product.md §3). */
public final class Unit extends ItemView {
    public Unit(VaultItem item) {
        super(item, ItemType.UNIT);
    }

    /** A new unit with every field at its default and {@code fields} on top, not shared. */
    public static VaultItem create(String id, String name, Map<String, ?> fields) {
        return VaultItem.of(id, ItemType.UNIT, name, withDefaults(ItemType.UNIT, fields), false);
    }

    public String chassis() {
        return text("chassis");
    }

    public String model() {
        return text("model");
    }

    public UnitType unitType() {
        return choice(UnitType.values(), "unitType");
    }

    public TechBase techBase() {
        return choice(TechBase.values(), "techBase");
    }

    public RulesLevel rulesLevel() {
        return choice(RulesLevel.values(), "rulesLevel");
    }

    public Era era() {
        return choice(Era.values(), "era");
    }

    public int year() {
        return whole("year");
    }

    public double tonnage() {
        return number("tonnage");
    }

    public WeightClass weightClass() {
        return WeightClass.ofTonnage(tonnage());
    }

    public int battleValue() {
        return whole("bv");
    }

    public double cost() {
        return number("cost");
    }

    public int walk() {
        return whole("walk");
    }

    public int jump() {
        return whole("jump");
    }

    /** Armor points per location, in the order they were entered. */
    public Map<String, Integer> armor() {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (item.get("armor") instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() instanceof Number n) {
                    out.put((String) entry.getKey(), (int) n.doubleValue());
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public List<Equipment> equipment() {
        List<Equipment> out = new ArrayList<>();
        if (item.get("equipment") instanceof List<?> list) {
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> map && map.get("name") instanceof String name) {
                    out.add(new Equipment(name, map.get("location") instanceof String l ? l : ""));
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    public String notes() {
        return text("notes");
    }

    /** One piece of equipment and where it is mounted ("" when not said). */
    public record Equipment(String name, String location) {
        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("location", location);
            return json;
        }
    }
}
