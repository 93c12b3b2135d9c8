package org.vaultsync.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vaultsync.common.SecureRandomBytes;

class ItemQueryTest {
    private long now = 1_000;
    private VaultStore store;

    @BeforeEach
    void vault() {
        store = new VaultStore(new MemoryVaultStorage(), () -> now++, new SecureRandomBytes());
    }

    private VaultItem unit(String name, double tons, int bv, String techBase, String era) {
        return store.addItem(Unit.create(store.newId(), name, Map.of("chassis", name.split(" ")[0], "tonnage", tons,
                "bv", (double) bv, "techBase", techBase, "era", era)));
    }

    private List<String> names(ItemQuery query) {
        List<String> out = new ArrayList<>();
        for (VaultItem item : query.apply(store.items(), store::item)) {
            out.add(item.name());
        }
        return out;
    }

    private void threeUnits() {
        unit("Marauder MAD-3R", 75, 1363, "inner_sphere", "late_succession_wars");
        unit("atlas AS7-D", 100, 1897, "inner_sphere", "star_league");
        unit("Timber Wolf Prime", 75, 2737, "clan", "clan_invasion");
    }

    @Test
    void everyWordOfTheSearchMustAppearInTheNameOrDescriptiveFieldsIgnoringCase() {
        threeUnits();
        store.addItem(Pilot.create(store.newId(), "Natasha", SkillTemplate.ELITE, Map.of("callsign", "Black Widow")));
        ItemQuery units = new ItemQuery(ItemType.UNIT);
        units.setSearch("  WOLF   prime ");
        assertEquals(List.of("Timber Wolf Prime"), names(units));
        units.setSearch("atlas");
        assertEquals(List.of("atlas AS7-D"), names(units), "chassis and name, any case");
        units.setSearch("atlas wolf");
        assertEquals(List.of(), names(units));

        ItemQuery pilots = new ItemQuery(ItemType.PILOT);
        pilots.setSearch("widow");
        assertEquals(List.of("Natasha"), names(pilots), "a pilot is found by callsign; units never appear");
    }

    @Test
    void filtersNarrowByWeightClassTechBaseEraAndType() {
        threeUnits();
        unit("Locust LCT-1V", 20, 432, "inner_sphere", "star_league");
        ItemQuery query = new ItemQuery(ItemType.UNIT);
        query.setWeightClass("heavy");
        assertEquals(List.of("Marauder MAD-3R", "Timber Wolf Prime"), names(query));
        query.setTechBase("clan");
        assertEquals(List.of("Timber Wolf Prime"), names(query));
        query.clear();
        query.setEra("star_league");
        assertEquals(List.of("atlas AS7-D", "Locust LCT-1V"), names(query));
        query.setKind("vehicle");
        assertEquals(List.of(), names(query));
        assertTrue(query.narrows());
        query.clear();
        assertFalse(query.narrows());
    }

    @Test
    void sortsByNameCaseInsensitivelyByTonnageAndBvHighestFirstAndByLastModifiedNewestFirst() {
        threeUnits();
        ItemQuery query = new ItemQuery(ItemType.UNIT);
        assertEquals(List.of("atlas AS7-D", "Marauder MAD-3R", "Timber Wolf Prime"), names(query));
        query.setSort(ItemQuery.Sort.TONNAGE);
        assertEquals(List.of("atlas AS7-D", "Marauder MAD-3R", "Timber Wolf Prime"), names(query),
                "equal tonnage falls back to the name");
        query.setSort(ItemQuery.Sort.BV);
        assertEquals(List.of("Timber Wolf Prime", "atlas AS7-D", "Marauder MAD-3R"), names(query));
        store.updateItem(store.getItemsByType(ItemType.UNIT).get(0).id(), ItemPatch.field("walk", 4.0));
        query.setSort(ItemQuery.Sort.MODIFIED);
        assertEquals("Marauder MAD-3R", names(query).get(0));
    }

    @Test
    void forcesSortByTheTotalsOfTheirUnitsAndFilterByTypeAndStatus() {
        VaultItem atlas = unit("Atlas AS7-D", 100, 1897, "inner_sphere", "star_league");
        VaultItem light = store.addItem(Force.create(store.newId(), "Light Star", ForceType.STAR, Map.of()));
        store.addItem(Force.create(store.newId(), "Heavy Lance", ForceType.LANCE, Map.of("assignments",
                List.of(Assignment.of(1, null, atlas.id()).toJson()), "status", "transit")));
        ItemQuery query = new ItemQuery(ItemType.FORCE);
        query.setSort(ItemQuery.Sort.BV);
        assertEquals(List.of("Heavy Lance", "Light Star"), names(query));
        query.setKind("star");
        assertEquals(List.of("Light Star"), names(query));
        query.setKind("");
        query.setStatus("transit");
        assertEquals(List.of("Heavy Lance"), names(query));
        assertEquals(light.id(), new ItemQuery(ItemType.FORCE).apply(store.items(), store::item).get(1).id());
    }

    @Test
    void fiveThousandItemsAreFilteredQuickly() {
        for (int i = 0; i < 5_000; i++) {
            unit("Unit " + i, 20 + i % 80, i, "inner_sphere", "star_league");
        }
        ItemQuery query = new ItemQuery(ItemType.UNIT);
        query.setSearch("unit 49");
        long started = System.nanoTime();
        List<String> found = names(query);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertEquals(199, found.size(), "every unit whose number contains 49");
        System.out.println("[ItemQueryTest] 5,000 items searched and sorted in " + ms + " ms on the JVM");
    }
}
