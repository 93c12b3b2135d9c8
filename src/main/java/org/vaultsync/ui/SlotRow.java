package org.vaultsync.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.ui.bind.Bindable;
import org.vaultsync.vault.Assignment;
import org.vaultsync.vault.ForcePosition;
import org.vaultsync.vault.ItemType;
import org.vaultsync.vault.Pilot;
import org.vaultsync.vault.VaultItem;

/**
 * One slot of the force editor: its position, pilot and unit as selects (so the keyboard assigns as well as the
 * mouse), and the reason when the vault refused an assignment (a pilot in another slot, a KIA pilot).
 */
public final class SlotRow implements Bindable {
    private final ItemFormView form;
    private final int slot;
    private String error;
    private int pilotsRevision = -1;
    private int unitsRevision = -1;
    private List<Assignment> optionsAssignments;
    private List<Option> pilotOptions;
    private List<Option> unitOptions;

    SlotRow(ItemFormView form, int slot) {
        this.form = form;
        this.slot = slot;
    }

    /** What the slot's row in item-form.html binds ({@code ui:bind}). */
    @Override
    public Object value(String key) {
        String prefix = getPrefix();
        return switch (key) {
            case "class" -> getCssClass();
            case "prefix" -> prefix;
            case "heading" -> "Slot " + slot;
            case "positionId" -> prefix + "-position";
            case "pilotId" -> prefix + "-pilot";
            case "unitId" -> prefix + "-unit";
            case "errorId" -> prefix + "-error";
            case "error" -> getError();
            case "position" -> getPosition();
            case "pilot" -> getPilot();
            case "unit" -> getUnit();
            case "positionOptions" -> getPositionOptions();
            case "pilotOptions" -> getPilotOptions();
            case "unitOptions" -> getUnitOptions();
            default -> throw Bindable.unknown(key);
        };
    }

    public int getNumber() {
        return slot;
    }

    public String getPrefix() {
        return "slot-" + slot;
    }

    public String getError() {
        return error == null ? "" : error;
    }

    public boolean isInvalid() {
        return error != null;
    }

    public boolean isEmpty() {
        Assignment current = current();
        return current == null || (current.pilotId() == null && current.unitId() == null);
    }

    public String getCssClass() {
        return "slot" + (isEmpty() ? " slot-empty" : "") + (error != null ? " invalid" : "");
    }

    private Assignment current() {
        for (Assignment assignment : form.assignments()) {
            if (assignment.slot() == slot) {
                return assignment;
            }
        }
        return null;
    }

    private ForcePosition position() {
        Assignment current = current();
        return current == null ? Assignment.defaultPosition(slot) : current.position();
    }

    public Binding getPosition() {
        return new Binding(() -> position().wire(), wire -> change(ForcePosition.byWire(wire), pilotId(), unitId()));
    }

    public Binding getPilot() {
        return new Binding(() -> orEmpty(pilotId()), id -> change(position(), id.isEmpty() ? null : id, unitId()));
    }

    public Binding getUnit() {
        return new Binding(() -> orEmpty(unitId()), id -> change(position(), pilotId(), id.isEmpty() ? null : id));
    }

    private String pilotId() {
        Assignment current = current();
        return current == null ? null : current.pilotId();
    }

    private String unitId() {
        Assignment current = current();
        return current == null ? null : current.unitId();
    }

    private void change(ForcePosition position, String pilotId, String unitId) {
        error = form.assign(new Assignment(slot, position == null ? position() : position, pilotId, unitId));
    }

    public List<Option> getPositionOptions() {
        return Option.of(ForcePosition.values(), null);
    }

    /** Every pilot of the vault; those who cannot serve say why, and the vault refuses them if chosen. */
    public List<Option> getPilotOptions() {
        refreshOptions();
        return pilotOptions;
    }

    /** Every unit of the vault, with its tonnage and battle value. */
    public List<Option> getUnitOptions() {
        refreshOptions();
        return unitOptions;
    }

    /**
     * Builds the pilot and unit options again only when a pilot or unit of the vault, or this force's assignments,
     * changed. Each slot offers every pilot and unit of the vault, and the page renders on every keystroke: with
     * 5,000 units, building them per render made a keystroke in the force's name take a second. The same list object
     * is returned while nothing changed, so {@code ui:options} skips it at once.
     */
    private void refreshOptions() {
        int pilots = AppServices.get().revision(ItemType.PILOT);
        int units = AppServices.get().revision(ItemType.UNIT);
        List<Assignment> assignments = form.assignments();
        if (pilotOptions != null && pilots == pilotsRevision && units == unitsRevision
                && assignments.equals(optionsAssignments)) {
            return;
        }
        pilotsRevision = pilots;
        unitsRevision = units;
        optionsAssignments = assignments;
        Map<String, Integer> slotOfPilot = new HashMap<>();
        String myPilot = null;
        String myUnit = null;
        for (Assignment assignment : assignments) {
            if (assignment.pilotId() != null) {
                slotOfPilot.put(assignment.pilotId(), assignment.slot());
            }
            if (assignment.slot() == slot) {
                myPilot = assignment.pilotId();
                myUnit = assignment.unitId();
            }
        }
        pilotOptions = pilotOptions(myPilot, slotOfPilot);
        unitOptions = unitOptions(myUnit);
    }

    private List<Option> pilotOptions(String mine, Map<String, Integer> slotOfPilot) {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", "No pilot"));
        boolean found = false;
        for (VaultItem item : form.itemsOfType(ItemType.PILOT)) {
            Pilot pilot = new Pilot(item);
            found |= item.id().equals(mine);
            StringBuilder label = new StringBuilder(item.name()).append(" \u2014 ").append(pilot.gunnery()).append('/')
                    .append(pilot.piloting());
            if (!pilot.assignable()) {
                label.append(" (").append(pilot.status().label()).append(", cannot serve)");
            } else {
                Integer other = slotOfPilot.get(item.id());
                if (other != null && other != slot) {
                    label.append(" (in slot ").append(other.intValue()).append(')');
                }
            }
            out.add(new Option(item.id(), label.toString()));
        }
        if (mine != null && !found) {
            out.add(new Option(mine, "Pilot not in your vault"));
        }
        return out;
    }

    private List<Option> unitOptions(String mine) {
        List<Option> all = form.unitOptions();
        if (mine == null || form.isInVault(ItemType.UNIT, mine)) {
            return all; // the one list every slot shares
        }
        List<Option> out = new ArrayList<>(all);
        out.add(new Option(mine, "Unit not in your vault"));
        return out;
    }

    private static String orEmpty(String id) {
        return id == null ? "" : id;
    }
}
