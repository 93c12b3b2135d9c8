package org.vaultsync.vault;

/**
 * Weight class, derived from tonnage (never stored): under 20 t Ultralight, 20–35 Light, 40–55 Medium, 60–75 Heavy,
 * 80–100 Assault, over 100 Super Heavy. Tonnages between the steps (e.g. 37.5) fall into the lower class.
 */
public enum WeightClass implements Choice {
    ULTRALIGHT("ultralight", "Ultralight"),
    LIGHT("light", "Light"),
    MEDIUM("medium", "Medium"),
    HEAVY("heavy", "Heavy"),
    ASSAULT("assault", "Assault"),
    SUPER_HEAVY("super_heavy", "Super Heavy");

    private final String wire;
    private final String label;

    WeightClass(String wire, String label) {
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

    public static WeightClass ofTonnage(double tons) {
        if (tons < 20) {
            return ULTRALIGHT;
        }
        if (tons < 40) {
            return LIGHT;
        }
        if (tons < 60) {
            return MEDIUM;
        }
        if (tons < 80) {
            return HEAVY;
        }
        return tons <= 100 ? ASSAULT : SUPER_HEAVY;
    }
}
