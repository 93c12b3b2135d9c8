package org.vaultsync.vault;

/** A force's status. */
public enum ForceStatus implements Choice {
    ACTIVE("active", "Active"),
    MAINTENANCE("maintenance", "Maintenance"),
    TRANSIT("transit", "Transit"),
    DISBANDED("disbanded", "Disbanded");

    private final String wire;
    private final String label;

    ForceStatus(String wire, String label) {
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

    public static ForceStatus byWire(String wire) {
        return Choice.byWire(values(), wire);
    }
}
