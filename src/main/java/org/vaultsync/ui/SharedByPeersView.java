package org.vaultsync.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teavm.flavour.templates.BindTemplate;
import org.vaultsync.ui.bind.Bindable;
import org.vaultsync.vault.Assignment;
import org.vaultsync.vault.Choice;
import org.vaultsync.vault.FieldKind;
import org.vaultsync.vault.FieldSpec;
import org.vaultsync.vault.Force;
import org.vaultsync.vault.ItemSchema;
import org.vaultsync.vault.ItemType;
import org.vaultsync.vault.RoomVault;
import org.vaultsync.vault.SharedItem;
import org.vaultsync.vault.VaultImport;
import org.vaultsync.vault.VaultItem;
import org.vaultsync.vault.VaultStore;

/**
 * "Shared by peers": every item the others in the room share, filterable by type, each with its owner's name, a
 * read view and Import (an independent copy: later edits or un-sharing by the owner never touch it). A force's read
 * view lists the pilots and units that come with it on import.
 */
@BindTemplate("templates/shared.html")
public class SharedByPeersView implements TitledView, Bindable {
    private static Set<String> importedSources;
    private static int importedAt;
    private static VaultStore importedFrom;
    private String filter = "";
    private String openId;

    @Override
    public String getTitle() {
        return "Shared by peers";
    }

    /**
     * What shared.html binds by name ({@code ui:bind="this"}). Out of a room the list and its filters are out of
     * the page, and Import all and "Nothing here yet" are false (no items).
     */
    @Override
    public Object value(String key) {
        return switch (key) {
            case "outOfRoom" -> isOutOfRoom();
            case "inRoom" -> isInRoom();
            case "anyToImport" -> isAnyToImport();
            case "importAllLabel" -> getImportAllLabel();
            case "empty" -> isEmpty();
            case "emptyText" -> getEmptyText();
            default -> throw Bindable.unknown(key);
        };
    }

    @Override
    public void act(String key) {
        if (!key.equals("importAll")) {
            throw Bindable.unknown(key);
        }
        importAll();
    }

    private static RoomVault room() {
        return AppServices.get().roomVault();
    }

    public boolean isInRoom() {
        return room() != null;
    }

    public boolean isOutOfRoom() {
        return room() == null;
    }

    public List<Filter> getFilters() {
        List<Filter> filters = new ArrayList<>();
        filters.add(new Filter("", "All"));
        for (ItemType type : ItemType.values()) {
            filters.add(new Filter(type.wire(), type.label() + "s"));
        }
        return filters;
    }

    public List<Row> getItems() {
        List<Row> rows = new ArrayList<>();
        if (room() == null) {
            return rows;
        }
        for (SharedItem shared : room().sharedByPeers()) {
            if (filter.isEmpty() || shared.item().type().wire().equals(filter)) {
                rows.add(new Row(shared));
            }
        }
        return rows;
    }

    public boolean isEmpty() {
        return room() != null && getItems().isEmpty();
    }

    public String getEmptyText() {
        if (room() != null && !room().sharedByPeers().isEmpty()) {
            return "Nobody shares any " + filter + "s right now.";
        }
        return "Nobody in this room shares anything yet. Items appear here as soon as a peer turns on sync for them.";
    }

    /** How many of the items shown have no copy in the vault yet (what Import all would bring in). */
    public int getNotImportedCount() {
        int count = 0;
        for (Row row : getItems()) {
            count += row.isImported() ? 0 : 1;
        }
        return count;
    }

    public boolean isAnyToImport() {
        return getNotImportedCount() > 0;
    }

    public String getImportAllLabel() {
        return "Import all " + Numbers.count(getNotImportedCount(), "item", "items");
    }

    /**
     * Imports every item shown that the vault has no copy of, a few at a time with its progress shown
     * (ImportProgress); forces last, so that their pilots and units are the copies just made, not second ones.
     */
    public void importAll() {
        RoomVault room = room();
        if (room == null) {
            return;
        }
        List<String> ids = new ArrayList<>();
        List<String> forces = new ArrayList<>();
        for (Row row : getItems()) {
            if (!row.isImported()) {
                (row.isForce() ? forces : ids).add(row.getId());
            }
        }
        ids.addAll(forces);
        if (ImportProgress.start(VaultImport.fromRoom(room, vault(), ids), job -> "Imported "
                + Numbers.count(job.added().size(), "item", "items") + " from peers"
                + (job.skipped() == 0 ? "" : " (" + Numbers.count(job.skipped(), "item was", "items were")
                        + " already in your vault or no longer shared)"))) {
            VaultFiles.focusSoon("import-progress");
        }
    }

    private static SharedItem find(String id) {
        if (room() == null) {
            return null;
        }
        for (SharedItem shared : room().sharedByPeers()) {
            if (shared.item().id().equals(id)) {
                return shared;
            }
        }
        return null;
    }

    private static VaultStore vault() {
        return AppServices.get().store();
    }

    /**
     * The ids of the peers' items the vault holds copies of, read once per change of the vault (every row and the
     * Import all count ask, and a room can share thousands of items).
     */
    private static Set<String> importedSources() {
        int revision = AppServices.get().revision();
        if (importedSources == null || importedAt != revision || importedFrom != vault()) {
            importedSources = new HashSet<>();
            if (vault() != null) {
                for (VaultItem item : vault().items()) {
                    if (item.importedFrom() != null) {
                        importedSources.add(item.importedFrom());
                    }
                }
            }
            importedAt = revision;
            importedFrom = vault();
        }
        return importedSources;
    }

    /** What a filter button shows. */
    public final class Filter implements Bindable {
        private final String type;
        private final String label;

        Filter(String type, String label) {
            this.type = type;
            this.label = label;
        }

        /** The button in shared.html ({@code ui:bind}). */
        @Override
        public Object value(String key) {
            return switch (key) {
                case "id" -> getId();
                case "pressed" -> getPressed();
                case "label" -> label;
                default -> throw Bindable.unknown(key);
            };
        }

        @Override
        public void act(String key) {
            select();
        }

        public String getLabel() {
            return label;
        }

        public String getId() {
            return "filter-" + (type.isEmpty() ? "all" : type);
        }

        public String getPressed() {
            return String.valueOf(type.equals(filter));
        }

        public void select() {
            filter = type;
        }
    }

    /** One shared item in the list, with its read view when open. */
    public final class Row implements Bindable {
        private final SharedItem shared;

        Row(SharedItem shared) {
            this.shared = shared;
        }

        /** The row in shared.html ({@code ui:bind}). */
        @Override
        public Object value(String key) {
            return switch (key) {
                case "id" -> getId();
                case "name" -> getName();
                case "type" -> getType();
                case "owner" -> getOwner();
                case "expanded" -> getExpanded();
                case "toggleLabel" -> getToggleLabel();
                case "link" -> getLink();
                default -> throw Bindable.unknown(key);
            };
        }

        @Override
        public void act(String key) {
            if (key.equals("toggle")) {
                toggle();
            } else {
                importItem();
            }
        }

        public String getId() {
            return shared.item().id();
        }

        /** The address of the item's page (opens a peer's item in the form). */
        public String getLink() {
            return Routes.item(getId());
        }

        public String getName() {
            return shared.item().name();
        }

        public String getType() {
            return shared.item().type().label();
        }

        public String getOwner() {
            return "Shared by " + shared.ownerName();
        }

        public boolean isImported() {
            return importedSources().contains(getId());
        }

        public boolean isOpen() {
            return getId().equals(openId);
        }

        public String getToggleLabel() {
            return isOpen() ? "Hide" : "View";
        }

        public String getExpanded() {
            return String.valueOf(isOpen());
        }

        public void toggle() {
            openId = isOpen() ? null : getId();
        }

        public List<FieldLine> getFields() {
            List<FieldLine> lines = new ArrayList<>();
            VaultItem item = shared.item();
            for (FieldSpec spec : ItemSchema.fields(item.type())) {
                Object value = item.get(spec.key());
                if (value == null || spec.kind() == FieldKind.ASSIGNMENTS || "".equals(value)) {
                    continue;
                }
                Choice choice = spec.kind() == FieldKind.CHOICE && value instanceof String wire
                        ? Choice.byWire(spec.choices(), wire) : null;
                lines.add(new FieldLine(spec.label(), choice != null ? choice.label() : show(value)));
            }
            return lines;
        }

        public boolean isForce() {
            return shared.item().type() == ItemType.FORCE;
        }

        /** The pilots and units an import of this force brings along (or links to, when already in the vault). */
        public List<FieldLine> getComesWith() {
            List<FieldLine> lines = new ArrayList<>();
            if (!isForce()) {
                return lines;
            }
            for (Assignment slot : new Force(shared.item()).assignments()) {
                String pilot = describe(slot.pilotId());
                String unit = describe(slot.unitId());
                if (pilot != null || unit != null) {
                    lines.add(new FieldLine("Slot " + slot.slot(), (pilot == null ? "no pilot" : pilot) + " · "
                            + (unit == null ? "no unit" : unit)));
                }
            }
            return lines;
        }

        public boolean isBringsOthers() {
            return !getComesWith().isEmpty();
        }

        public void importItem() {
            RoomVault room = room();
            VaultItem copy;
            try {
                copy = room == null ? null : room.importShared(getId());
            } catch (RuntimeException e) {
                Toasts.show("Could not import " + getName() + ": " + e.getMessage());
                return;
            }
            if (copy == null) {
                Toasts.show(getName() + " is no longer shared");
                return;
            }
            Toasts.show("Imported " + copy.name() + " into your vault" + alongWith());
        }

        /** ", with 2 pilots and 1 unit" for a force whose members peers share; empty otherwise. */
        private String alongWith() {
            int pilots = 0;
            int units = 0;
            if (isForce()) {
                for (Assignment slot : new Force(shared.item()).assignments()) {
                    pilots += slot.pilotId() != null && find(slot.pilotId()) != null ? 1 : 0;
                    units += slot.unitId() != null && find(slot.unitId()) != null ? 1 : 0;
                }
            }
            if (pilots + units == 0) {
                return "";
            }
            return ", with " + pilots + (pilots == 1 ? " pilot and " : " pilots and ") + units
                    + (units == 1 ? " unit" : " units");
        }
    }

    private static String describe(String id) {
        if (id == null) {
            return null;
        }
        SharedItem shared = find(id);
        if (shared != null) {
            return shared.item().name() + " (comes with it)";
        }
        VaultItem local = vault() == null ? null : vault().item(id);
        return local != null ? local.name() + " (already in your vault)" : "not shared";
    }

    private static String show(Object value) {
        if (value instanceof Double number && number == Math.floor(number) && !Double.isInfinite(number)) {
            return String.valueOf(number.longValue());
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder();
            for (Object element : list) {
                out.append(out.length() == 0 ? "" : ", ").append(show(element));
            }
            return out.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(out.length() == 0 ? "" : ", ").append(entry.getKey()).append(' ').append(show(entry.getValue()));
            }
            return out.toString();
        }
        return String.valueOf(value);
    }

    /** A label and a value in a read view. */
    public static final class FieldLine {
        private final String label;
        private final String value;

        FieldLine(String label, String value) {
            this.label = label;
            this.value = value;
        }

        public String getLabel() {
            return label;
        }

        public String getValue() {
            return value;
        }
    }

}
