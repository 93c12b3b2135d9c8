package org.vaultsync.vault;

/** BattleTech eras. */
public enum Era implements Choice {
    EARLY_SPACEFLIGHT("early_spaceflight", "Early Spaceflight"),
    AGE_OF_WAR("age_of_war", "Age of War"),
    STAR_LEAGUE("star_league", "Star League"),
    EARLY_SUCCESSION_WARS("early_succession_wars", "Early Succession Wars"),
    LATE_SUCCESSION_WARS("late_succession_wars", "Late Succession Wars"),
    RENAISSANCE("renaissance", "Renaissance"),
    CLAN_INVASION("clan_invasion", "Clan Invasion"),
    CIVIL_WAR("civil_war", "Civil War"),
    JIHAD("jihad", "Jihad"),
    DARK_AGE("dark_age", "Dark Age"),
    ILCLAN("ilclan", "ilClan");

    private final String wire;
    private final String label;

    Era(String wire, String label) {
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

    public static Era byWire(String wire) {
        return Choice.byWire(values(), wire);
    }
}
