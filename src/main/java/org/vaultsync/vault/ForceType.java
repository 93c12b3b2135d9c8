package org.vaultsync.vault;

/** Force organisations and how many slots each has (product.md §3; a custom force has 4). */
public enum ForceType implements Choice {
    LANCE("lance", "Lance", 4),
    STAR("star", "Star", 5),
    LEVEL_II("level_ii", "Level II", 6),
    COMPANY("company", "Company", 12),
    BINARY("binary", "Binary", 10),
    BATTALION("battalion", "Battalion", 36),
    CLUSTER("cluster", "Cluster", 50),
    CUSTOM("custom", "Custom", 4);

    private final String wire;
    private final String label;
    private final int slots;

    ForceType(String wire, String label, int slots) {
        this.wire = wire;
        this.label = label;
        this.slots = slots;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String label() {
        return label;
    }

    public int slots() {
        return slots;
    }

    public static ForceType byWire(String wire) {
        return Choice.byWire(values(), wire);
    }
}
