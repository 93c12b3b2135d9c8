package org.vaultsync.vault;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.vaultsync.common.AsciiFold;

/**
 * What a vault list shows: the items of one type that match a search text and the chosen filters, in the chosen
 * order. Plain Java so the lists' behaviour is tested on the JVM; fast enough to run on every keystroke over
 * thousands of items (one pass, no regular expressions). An empty filter value means "any".
 */
public final class ItemQuery {
    /** The orders a list offers; tonnage and BV are heaviest and highest first, last modified newest first. */
    public enum Sort implements Choice {
        NAME("name", "Name"),
        TONNAGE("tonnage", "Tonnage"),
        BV("bv", "Battle value"),
        MODIFIED("modified", "Last modified");

        private final String wire;
        private final String label;

        Sort(String wire, String label) {
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
    }

    private final ItemType type;
    private String search = "";
    private String kind = "";
    private String weightClass = "";
    private String techBase = "";
    private String era = "";
    private String status = "";
    private Sort sort = Sort.NAME;

    public ItemQuery(ItemType type) {
        this.type = type;
    }

    public ItemType type() {
        return type;
    }

    public String search() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null ? "" : search;
    }

    /** The unit type (units) or force type (forces), by wire spelling. */
    public String kind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = orAny(kind);
    }

    public String weightClass() {
        return weightClass;
    }

    public void setWeightClass(String weightClass) {
        this.weightClass = orAny(weightClass);
    }

    public String techBase() {
        return techBase;
    }

    public void setTechBase(String techBase) {
        this.techBase = orAny(techBase);
    }

    public String era() {
        return era;
    }

    public void setEra(String era) {
        this.era = orAny(era);
    }

    /** Pilot status (pilots) or force status (forces), by wire spelling. */
    public String status() {
        return status;
    }

    public void setStatus(String status) {
        this.status = orAny(status);
    }

    public Sort sort() {
        return sort;
    }

    public void setSort(Sort sort) {
        this.sort = sort == null ? Sort.NAME : sort;
    }

    /** True when a search text or any filter narrows the list. */
    public boolean narrows() {
        return !search.trim().isEmpty() || !kind.isEmpty() || !weightClass.isEmpty() || !techBase.isEmpty()
                || !era.isEmpty() || !status.isEmpty();
    }

    /** Back to everything, by name. */
    public void clear() {
        search = "";
        kind = "";
        weightClass = "";
        techBase = "";
        era = "";
        status = "";
    }

    /** The matching items of this query's type, sorted; {@code lookup} finds a force's pilots and units. */
    public List<VaultItem> apply(Collection<VaultItem> items, ItemLookup lookup) {
        String[] words = words(search);
        List<Row> rows = new ArrayList<>();
        for (VaultItem item : items) {
            if (item.type() == type && matchesFilters(item) && matchesWords(item, words)) {
                rows.add(new Row(item, sortKey(item, lookup)));
            }
        }
        // one comparator, not Comparator.thenComparing (which would add Java's comparator combinators to the client)
        rows.sort((a, b) -> {
            int byKey = sort == Sort.NAME ? 0 : Double.compare(b.key, a.key);
            return byKey != 0 ? byKey : compareNames(a.item.name(), b.item.name());
        });
        List<VaultItem> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(row.item);
        }
        return out;
    }

    /** An item and its sort key (a plain class: a record would ship a toString, equals and hashCode unused here). */
    private static final class Row {
        final VaultItem item;
        final double key;

        Row(VaultItem item, double key) {
            this.item = item;
            this.key = key;
        }
    }

    private double sortKey(VaultItem item, ItemLookup lookup) {
        // == rather than a switch: a switch on an enum ships a lookup table class per switching class
        if (sort == Sort.MODIFIED) {
            return item.lastModified();
        }
        if (sort == Sort.TONNAGE) {
            return type == ItemType.UNIT ? new Unit(item).tonnage()
                    : type == ItemType.FORCE ? new Force(item).totals(lookup).tonnage() : 0;
        }
        if (sort == Sort.BV) {
            return type == ItemType.UNIT ? new Unit(item).battleValue()
                    : type == ItemType.FORCE ? new Force(item).totals(lookup).battleValue() : 0;
        }
        return 0;
    }

    private boolean matchesFilters(VaultItem item) {
        if (type == ItemType.UNIT) {
            Unit unit = new Unit(item);
            return is(kind, unit.unitType()) && is(weightClass, unit.weightClass()) && is(techBase, unit.techBase())
                    && is(era, unit.era());
        }
        if (type == ItemType.PILOT) {
            return is(status, new Pilot(item).status());
        }
        Force force = new Force(item);
        return is(kind, force.forceType()) && is(status, force.status());
    }

    /** Every word of the search appears in the name or one of the type's descriptive fields. */
    private static boolean matchesWords(VaultItem item, String[] words) {
        if (words.length == 0) {
            return true;
        }
        String haystack = haystack(item);
        for (String word : words) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String haystack(VaultItem item) {
        StringBuilder text = new StringBuilder(item.name());
        for (String key : new String[] {"chassis", "model", "callsign", "affiliation"}) {
            if (item.get(key) instanceof String value) {
                text.append(' ').append(value);
            }
        }
        return AsciiFold.lower(text.toString());
    }

    private static String[] words(String search) {
        List<String> out = new ArrayList<>();
        String text = AsciiFold.lower(search);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || AsciiFold.isSpace(text.charAt(i))) {
                if (i > start) {
                    out.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out.toArray(new String[0]);
    }

    private static boolean is(String wanted, Choice actual) {
        return wanted.isEmpty() || wanted.equals(actual.wire());
    }

    private static String orAny(String value) {
        return value == null ? "" : value;
    }

    /** Case-insensitive, so "atlas" sorts beside "Atlas". */
    static int compareNames(String a, String b) {
        return AsciiFold.compare(a, b);
    }
}
