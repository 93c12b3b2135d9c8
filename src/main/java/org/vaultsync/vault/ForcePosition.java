package org.vaultsync.vault;

/** A slot's position in a force. */
public enum ForcePosition implements Choice {
    COMMANDER("commander", "Commander"),
    EXECUTIVE("executive", "Executive"),
    LEAD("lead", "Lead"),
    MEMBER("member", "Member"),
    SCOUT("scout", "Scout"),
    FIRE_SUPPORT("fire_support", "Fire Support");

    private final String wire;
    private final String label;

    ForcePosition(String wire, String label) {
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

    public static ForcePosition byWire(String wire) {
        return Choice.byWire(values(), wire);
    }
}
