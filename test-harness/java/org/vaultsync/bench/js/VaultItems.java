package org.vaultsync.bench.js;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ~1 KB vault items of the reference Yjs benchmark ({@code makeItem} in workloads.mjs), built from the same
 * random sequence in the same order, so both engines store equal values and must produce equal bytes.
 */
final class VaultItems {
    static final int CLIENT_A = (int) 2654435769L;
    static final int CLIENT_B = 1640531527;
    static final int CLIENT_C = 12345;
    static final String[] NUM_FIELDS = {"tonnage", "bv", "pv", "gunnery", "piloting", "walk", "run", "jump", "armor",
        "structure", "heatSinks", "cost", "created"};
    static final String[] STR_FIELDS = {"name", "faction", "era", "role", "notes"};

    private static final String[] TYPES = {"unit", "pilot", "force"};
    private static final String[] WORDS = ("atlas marauder warhammer locust commando jenner panther hunchback griffin "
            + "shadowhawk wolverine thunderbolt catapult crusader archer rifleman orion battlemaster stalker zeus "
            + "awesome victor highlander king crab").split(" ");
    private static final String[] FACTIONS = {"Davion", "Kurita", "Steiner", "Liao", "Marik", "ComStar", "Wolf",
        "Jade Falcon", "Mercenary"};
    private static final String[] ERAS = {"Star League", "Succession Wars", "Clan Invasion", "Jihad", "Dark Age"};
    private static final String[] ROLES = {"Brawler", "Skirmisher", "Striker", "Sniper", "Scout", "Juggernaut"};

    private VaultItems() {
    }

    static Map<String, Object> make(Mulberry32 rand, int i) {
        Map<String, Object> item = new LinkedHashMap<>();
        String index = Integer.toString(i);
        item.put("id", "item-" + "000000".substring(index.length()) + index);
        String first = word(rand);
        String second = word(rand).toUpperCase().substring(0, 3);
        double digit = integer(rand, 10);
        String last = word(rand).substring(0, 1).toUpperCase();
        item.put("name", first + " " + second + "-" + (int) digit + last);
        item.put("type", TYPES[i % 3]);
        item.put("faction", FACTIONS[(int) integer(rand, FACTIONS.length)]);
        item.put("era", ERAS[(int) integer(rand, 5)]);
        item.put("role", ROLES[(int) integer(rand, 6)]);
        item.put("tonnage", 20 + 5 * integer(rand, 17));
        item.put("bv", 500 + integer(rand, 2500));
        item.put("pv", 10 + integer(rand, 60));
        item.put("gunnery", integer(rand, 6));
        item.put("piloting", integer(rand, 7));
        item.put("walk", 2 + integer(rand, 6));
        item.put("run", 3 + integer(rand, 9));
        item.put("jump", integer(rand, 6));
        item.put("armor", 40 + integer(rand, 280));
        item.put("structure", 20 + integer(rand, 150));
        item.put("heatSinks", 10 + integer(rand, 20));
        item.put("cost", Math.floor(rand.next() * 1e7 + 0.5) / 100); // Math.round of a positive number
        item.put("active", rand.next() < 0.5);
        item.put("created", 1700000000000.0 + integer(rand, 1e10));
        item.put("notes", sentence(rand, 62));
        List<Object> tags = new ArrayList<>();
        tags.add(word(rand));
        tags.add(word(rand));
        tags.add(word(rand));
        item.put("tags", tags);
        List<Object> weapons = new ArrayList<>();
        for (String location : new String[] {"RA", "LT", "CT"}) {
            Map<String, Object> weapon = new LinkedHashMap<>();
            weapon.put("name", word(rand));
            weapon.put("loc", location);
            weapon.put("dmg", integer(rand, 20));
            weapons.add(weapon);
        }
        item.put("weapons", weapons);
        return item;
    }

    private static String word(Mulberry32 rand) {
        return WORDS[(int) Math.floor(rand.next() * WORDS.length)];
    }

    private static double integer(Mulberry32 rand, double n) {
        return Math.floor(rand.next() * n);
    }

    private static String sentence(Mulberry32 rand, int words) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < words; k++) {
            if (k > 0) {
                out.append(' ');
            }
            out.append(word(rand));
        }
        return out.toString();
    }
}
