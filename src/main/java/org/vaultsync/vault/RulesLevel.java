package org.vaultsync.vault;

/** Rules level of a unit. */
public enum RulesLevel implements Choice {
    INTRODUCTORY("introductory", "Introductory"),
    STANDARD("standard", "Standard"),
    ADVANCED("advanced", "Advanced"),
    EXPERIMENTAL("experimental", "Experimental");

    private final String wire;
    private final String label;

    RulesLevel(String wire, String label) {
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

    public static RulesLevel byWire(String wire) {
        return Choice.byWire(values(), wire);
    }
}
