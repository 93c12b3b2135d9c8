package org.vaultsync.vault;

/** The three kinds of vault item; no other type is ever stored or shared. */
public enum ItemType implements Choice {
    UNIT("unit", "Unit"),
    PILOT("pilot", "Pilot"),
    FORCE("force", "Force");

    private final String wire;
    private final String label;

    ItemType(String wire, String label) {
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

    public static ItemType byWire(String wire) {
        return Choice.byWire(values(), wire);
    }
}
