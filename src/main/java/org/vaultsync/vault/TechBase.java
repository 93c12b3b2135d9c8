package org.vaultsync.vault;

/** Technology base of a unit. */
public enum TechBase implements Choice {
    INNER_SPHERE("inner_sphere", "Inner Sphere"),
    CLAN("clan", "Clan");

    private final String wire;
    private final String label;

    TechBase(String wire, String label) {
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

    public static TechBase byWire(String wire) {
        return Choice.byWire(values(), wire);
    }
}
