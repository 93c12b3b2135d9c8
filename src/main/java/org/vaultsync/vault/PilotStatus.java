package org.vaultsync.vault;

/** A pilot's status; mia, kia and retired pilots cannot be assigned to a force. */
public enum PilotStatus implements Choice {
    ACTIVE("active", "Active"),
    INJURED("injured", "Injured"),
    MIA("mia", "MIA"),
    KIA("kia", "KIA"),
    RETIRED("retired", "Retired");

    private final String wire;
    private final String label;

    PilotStatus(String wire, String label) {
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

    public static PilotStatus byWire(String wire) {
        return Choice.byWire(values(), wire);
    }
}
