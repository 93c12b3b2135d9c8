package org.vaultsync.ui;

import java.util.ArrayList;
import java.util.List;
import org.vaultsync.ui.bind.Bindable;
import org.vaultsync.vault.Assignment;
import org.vaultsync.vault.ForcePosition;
import org.vaultsync.vault.ItemType;
import org.vaultsync.vault.Pilot;
import org.vaultsync.vault.Unit;
import org.vaultsync.vault.VaultItem;

/**
 * One slot of the force editor: its position, pilot and unit as selects (so the keyboard assigns as well as the
 * mouse), and the reason when the vault refused an assignment (a pilot in another slot, a KIA pilot).
 */
public final class SlotRow implements Bindable {
    private final ItemFormView form;
    private final int slot;
    private String error;

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
        List<Option> out = new ArrayList<>();
        out.add(new Option("", "No pilot"));
        String mine = pilotId();
        boolean found = false;
        for (VaultItem item : form.itemsOfType(ItemType.PILOT)) {
            Pilot pilot = new Pilot(item);
            found |= item.id().equals(mine);
            StringBuilder label = new StringBuilder(item.name()).append(" \u2014 ").append(pilot.gunnery()).append('/')
                    .append(pilot.piloting());
            if (!pilot.assignable()) {
                label.append(" (").append(pilot.status().label()).append(", cannot serve)");
            } else {
                int other = form.slotOfPilot(item.id());
                if (other > 0 && other != slot) {
                    label.append(" (in slot ").append(other).append(')');
                }
            }
            out.add(new Option(item.id(), label.toString()));
        }
        if (mine != null && !found) {
            out.add(new Option(mine, "Pilot not in your vault"));
        }
        return out;
    }

    public List<Option> getUnitOptions() {
        List<Option> out = new ArrayList<>();
        out.add(new Option("", "No unit"));
        String mine = unitId();
        boolean found = false;
        for (VaultItem item : form.itemsOfType(ItemType.UNIT)) {
            Unit unit = new Unit(item);
            found |= item.id().equals(mine);
            out.add(new Option(item.id(), item.name() + " \u2014 " + Numbers.grouped(unit.tonnage()) + " t, BV "
                    + Numbers.grouped(unit.battleValue())));
        }
        if (mine != null && !found) {
            out.add(new Option(mine, "Unit not in your vault"));
        }
        return out;
    }

    private static String orEmpty(String id) {
        return id == null ? "" : id;
    }
}
