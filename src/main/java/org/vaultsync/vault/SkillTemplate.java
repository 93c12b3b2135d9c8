package org.vaultsync.vault;

/** Pilot skill templates: gunnery/piloting (lower is better) and starting experience. */
public enum SkillTemplate implements Choice {
    GREEN("green", "Green", 5, 6, 0),
    REGULAR("regular", "Regular", 4, 5, 0),
    VETERAN("veteran", "Veteran", 3, 4, 50),
    ELITE("elite", "Elite", 2, 3, 100);

    private final String wire;
    private final String label;
    private final int gunnery;
    private final int piloting;
    private final int xp;

    SkillTemplate(String wire, String label, int gunnery, int piloting, int xp) {
        this.wire = wire;
        this.label = label;
        this.gunnery = gunnery;
        this.piloting = piloting;
        this.xp = xp;
    }

    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String label() {
        return label;
    }

    public int gunnery() {
        return gunnery;
    }

    public int piloting() {
        return piloting;
    }

    public int xp() {
        return xp;
    }
}
