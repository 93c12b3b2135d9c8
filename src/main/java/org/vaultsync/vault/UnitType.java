package org.vaultsync.vault;

/** Kinds of unit (product.md §3). */
public enum UnitType implements Choice {
    BATTLEMECH("battlemech", "BattleMech"),
    OMNIMECH("omnimech", "OmniMech"),
    INDUSTRIALMECH("industrialmech", "IndustrialMech"),
    PROTOMECH("protomech", "ProtoMech"),
    VEHICLE("vehicle", "Vehicle"),
    VTOL("vtol", "VTOL"),
    AEROSPACE("aerospace", "Aerospace"),
    CONVENTIONAL_FIGHTER("conventional_fighter", "Conventional Fighter"),
    SMALL_CRAFT("small_craft", "Small Craft"),
    DROPSHIP("dropship", "DropShip"),
    JUMPSHIP("jumpship", "JumpShip"),
    WARSHIP("warship", "WarShip"),
    SPACE_STATION("space_station", "Space Station"),
    INFANTRY("infantry", "Infantry"),
    BATTLE_ARMOR("battle_armor", "Battle Armor"),
    SUPPORT_VEHICLE("support_vehicle", "Support Vehicle");

    private final String wire;
    private final String label;

    UnitType(String wire, String label) {
        this.wire = wire;
        this.label = label;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String label() {
        return label;
    }

    public static UnitType byWire(String wire) {
        return Choice.byWire(values(), wire);
    }
}
