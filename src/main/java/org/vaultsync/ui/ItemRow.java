package org.vaultsync.ui;

import org.vaultsync.ui.bind.Bindable;
import org.vaultsync.vault.Force;
import org.vaultsync.vault.ForceTotals;
import org.vaultsync.vault.ItemLookup;
import org.vaultsync.vault.ItemType;
import org.vaultsync.vault.Pilot;
import org.vaultsync.vault.Unit;
import org.vaultsync.vault.VaultItem;

/** One row of a vault list: the item's name, the essentials a player scans for, and its sync badge. */
public final class ItemRow implements Bindable {
    private final VaultItem item;
    private final String essentials;
    private final boolean selected;
    private final VaultListView list;

    ItemRow(VaultItem item, ItemLookup lookup, boolean selected, VaultListView list) {
        this.item = item;
        this.essentials = essentials(item, lookup);
        this.selected = selected;
        this.list = list;
    }

    /** What the row in vault-list.html binds ({@code ui:bind}). */
    @Override
    public Object value(String key) {
        return switch (key) {
            case "selectId" -> "select-" + item.id();
            case "selected" -> selected;
            case "selectLabel" -> "Select " + item.name() + " for export";
            case "link" -> getLink();
            case "name" -> item.name();
            case "essentials" -> essentials;
            case "badge" -> getBadge();
            default -> throw Bindable.unknown(key);
        };
    }

    /** The row's checkbox: selects the item for export, or not. */
    @Override
    public void act(String key) {
        list.toggleSelected(item.id());
    }

    public String getId() {
        return item.id();
    }

    /** The address of the item's page. */
    public String getLink() {
        return Routes.item(item.id());
    }

    public String getName() {
        return item.name();
    }

    public String getEssentials() {
        return essentials;
    }

    public SyncBadge getBadge() {
        return new SyncBadge(item.syncState());
    }

    public boolean isSelected() {
        return selected;
    }

    /** Rows are equal when they show the same thing, so the list re-renders only rows that changed. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ItemRow row && row.item == item && row.selected == selected
                && row.essentials.equals(essentials);
    }

    @Override
    public int hashCode() {
        return item.id().hashCode();
    }

    static String essentials(VaultItem item, ItemLookup lookup) {
        // tested with ==, not a switch on the enum (a switch-map class more in the client)
        if (item.type() == ItemType.UNIT) {
            Unit unit = new Unit(item);
            return unit.unitType().label() + " \u00b7 " + Numbers.grouped(unit.tonnage()) + " t "
                    + unit.weightClass().label() + " \u00b7 BV " + Numbers.grouped(unit.battleValue()) + " \u00b7 "
                    + unit.techBase().label() + " \u00b7 " + unit.era().label();
        } else if (item.type() == ItemType.PILOT) {
            Pilot pilot = new Pilot(item);
            String callsign = pilot.callsign().isEmpty() ? "" : "\u201c" + pilot.callsign() + "\u201d \u00b7 ";
            return callsign + "Gunnery " + pilot.gunnery() + " / Piloting " + pilot.piloting() + " \u00b7 "
                    + pilot.status().label();
        }
        Force force = new Force(item);
        ForceTotals totals = force.totals(lookup);
        return force.forceType().label() + " \u00b7 " + (force.slots() - totals.emptySlots()) + " of "
                + force.slots() + " slots filled \u00b7 BV " + Numbers.grouped(totals.battleValue()) + " \u00b7 "
                + Numbers.grouped(totals.tonnage()) + " t \u00b7 " + force.status().label();
    }
}
