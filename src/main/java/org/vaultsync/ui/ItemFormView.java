package org.vaultsync.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.teavm.flavour.templates.BindTemplate;
import org.vaultsync.common.AsciiFold;
import org.vaultsync.ui.bind.Bindable;
import org.vaultsync.vault.Assignment;
import org.vaultsync.vault.FieldConflict;
import org.vaultsync.vault.FieldError;
import org.vaultsync.vault.FieldKind;
import org.vaultsync.vault.FieldSpec;
import org.vaultsync.vault.Force;
import org.vaultsync.vault.ForceTotals;
import org.vaultsync.vault.InvalidItemException;
import org.vaultsync.vault.ItemPatch;
import org.vaultsync.vault.ItemSchema;
import org.vaultsync.vault.ItemType;
import org.vaultsync.vault.ItemValidator;
import org.vaultsync.vault.RoomVault;
import org.vaultsync.vault.SharedItem;
import org.vaultsync.vault.SkillTemplate;
import org.vaultsync.vault.Unit;
import org.vaultsync.vault.VaultItem;
import org.vaultsync.vault.VaultStore;
import org.vaultsync.vault.WeightClass;

/**
 * Creating and editing one unit, pilot or force. Every field is checked as the player types, with the model's own
 * rules and messages. While editing, each valid change is saved at once (there is no Save button to forget, and a
 * shared item's edits reach the room as they are made); a new item is kept as a draft until "Create". Also here:
 * Enable Sync and the sync badge, the conflicts a peer's simultaneous edit caused, delete with Undo, and for a force
 * its slots and live totals. A peer's shared item opens here too and is edited in the room.
 */
@BindTemplate("templates/item-form.html")
public class ItemFormView implements TitledView, Bindable {
    private final ItemType type;
    private String itemId;
    private final FormField name;
    private final List<FormField> fields = new ArrayList<>();
    private final List<SlotRow> slotRows = new ArrayList<>();
    private final Map<String, Object> draft;
    private String draftName = "";
    private boolean draftSync;
    private boolean confirmingDelete;
    private String formError;
    private final Map<ItemType, Candidates> candidates = new HashMap<>();
    private List<Option> unitOptions;
    private int unitOptionsRevision;

    private ItemFormView(ItemType type, String itemId) {
        this.type = type;
        this.itemId = itemId;
        this.draft = itemId == null ? ItemSchema.defaults(type) : null;
        this.name = new FormField(this, null);
        for (FieldSpec spec : ItemSchema.fields(type)) {
            if (spec.kind() != FieldKind.ASSIGNMENTS) {
                fields.add(new FormField(this, spec));
            }
        }
    }

    /** What item-form.html binds by name ({@code ui:bind="this"}). */
    @Override
    public Object value(String key) {
        return switch (key) {
            case "typeLabel" -> getTypeLabel();
            case "gone" -> isGone();
            case "creating" -> isCreating();
            case "editing" -> isEditing();
            case "title" -> getTitle();
            case "badge" -> getBadge();
            case "formFailed" -> isFormFailed();
            case "formError" -> getFormError();
            case "listHref" -> getListHref();
            case "listTitle" -> getListTitle();
            case "syncEnabled" -> isSyncEnabled();
            case "syncHint" -> getSyncHint();
            case "deleteLabel" -> "Delete " + getTypeLabel() + "\u2026";
            case "deleteQuestion" -> "Delete \u201c" + getTitle() + "\u201d?";
            case "deleteDetail" -> "It leaves your vault" + (isSyncEnabled() ? " and stops being shared" : "")
                    + ". Peers keep copies they imported. You can undo this for a few seconds.";
            case "draftSync" -> isDraftSync();
            case "createLabel" -> "Create " + getTypeLabel();
            case "totalBv" -> getTotalBv();
            case "totalTonnage" -> getTotalTonnage();
            case "forceWeightClass" -> getForceWeightClass();
            case "averageGunnery" -> getAverageGunnery();
            case "averagePiloting" -> getAveragePiloting();
            case "assignedText" -> getAssignedText();
            case "emptySlots" -> getEmptySlots();
            default -> throw Bindable.unknown(key);
        };
    }

    @Override
    public void act(String key) {
        switch (key) {
            case "submit" -> submit();
            case "toggleSync" -> toggleSync();
            case "askDelete" -> askDelete();
            case "confirmDelete" -> confirmDelete();
            case "cancelDelete" -> cancelDelete();
            case "toggleDraftSync" -> toggleDraftSync();
            case "backToList" -> backToList();
            default -> throw Bindable.unknown(key);
        }
    }

    /** The form for a new item of {@code type}. */
    static ItemFormView create(ItemType type) {
        return new ItemFormView(type, null);
    }

    /** The form for the item {@code id}, or null when neither the vault nor the room has it (yet). */
    static ItemFormView edit(String id) {
        VaultItem item = find(id);
        return item == null ? null : new ItemFormView(item.type(), id);
    }


    // ---- where the item lives

    private static VaultStore store() {
        return AppServices.get().store();
    }

    private static RoomVault room() {
        return AppServices.get().roomVault();
    }

    private static VaultItem find(String id) {
        VaultStore store = store();
        VaultItem local = store == null ? null : store.item(id);
        if (local != null) {
            return local;
        }
        SharedItem shared = shared(id);
        return shared == null ? null : shared.item();
    }

    private static SharedItem shared(String id) {
        RoomVault room = room();
        if (room != null) {
            for (SharedItem shared : room.sharedByPeers()) {
                if (shared.item().id().equals(id)) {
                    return shared;
                }
            }
        }
        return null;
    }

    /** The item as it is now; null while creating, or once it was deleted (here, in another tab or by its owner). */
    public VaultItem item() {
        return itemId == null ? null : find(itemId);
    }

    public boolean isCreating() {
        return itemId == null;
    }

    public boolean isGone() {
        return itemId != null && item() == null;
    }

    public boolean isEditing() {
        return itemId != null && item() != null;
    }

    /** An item another player shares in the room (not in this vault): edited in the room, not deletable here. */
    public boolean isPeerItem() {
        return isEditing() && store().item(itemId) == null;
    }

    public boolean isOwnItem() {
        return isEditing() && !isPeerItem();
    }

    public String getOwnerName() {
        SharedItem shared = itemId == null ? null : shared(itemId);
        return shared == null ? "" : shared.ownerName();
    }

    // ---- headings

    public String getTypeLabel() {
        return type == ItemType.UNIT ? "unit" : type == ItemType.PILOT ? "pilot" : "force";
    }

    @Override
    public String getTitle() {
        if (isCreating()) {
            return "New " + getTypeLabel();
        }
        VaultItem item = item();
        return item == null ? "Item not found" : item.name();
    }

    public String getListTitle() {
        return VaultSection.of(type).getTitle();
    }

    public String getListHref() {
        return "#/vault/" + getTypeLabel() + "s";
    }

    /** Enter in a field of a new item's form creates it; an existing item saves as it goes. */
    public void submit() {
        if (isCreating()) {
            create();
        }
    }

    public void backToList() {
        Routes.go(getListHref());
    }

    // ---- fields

    public FormField getName() {
        return name;
    }

    public List<FormField> getFields() {
        return fields;
    }

    public boolean isPilot() {
        return type == ItemType.PILOT;
    }

    public boolean isForce() {
        return type == ItemType.FORCE;
    }

    Object valueOf(String key) {
        if (isCreating()) {
            return key.equals("name") ? draftName : draft.get(key);
        }
        VaultItem item = item();
        if (item == null) {
            return null;
        }
        return key.equals("name") ? item.name() : item.get(key);
    }

    Map<String, Object> currentData() {
        if (isCreating()) {
            return draft;
        }
        VaultItem item = item();
        return item == null ? new LinkedHashMap<>() : item.data();
    }

    /** Saves one valid field (or keeps it in the draft); throws when the vault refuses it. */
    void set(String key, Object value) {
        formError = null;
        if (isCreating()) {
            if (key.equals("name")) {
                draftName = (String) value;
            } else {
                draft.put(key, value);
            }
            return;
        }
        save(key.equals("name") ? ItemPatch.name((String) value) : ItemPatch.field(key, value));
    }

    private void save(ItemPatch patch) {
        if (store().contains(itemId)) {
            store().updateItem(itemId, patch);
        } else if (room() != null) {
            room().editShared(itemId, patch);
        }
    }

    public String getWeightClassText() {
        Object tons = valueOf("tonnage");
        return tons instanceof Number n ? WeightClass.ofTonnage(n.doubleValue()).label() : "";
    }

    // ---- pilot skill templates

    public List<TemplateButton> getTemplates() {
        List<TemplateButton> out = new ArrayList<>();
        for (SkillTemplate template : SkillTemplate.values()) {
            out.add(new TemplateButton(template));
        }
        return out;
    }

    /** One skill template's button ({@code ui:bind} in item-form.html). */
    public final class TemplateButton implements Bindable {
        private final SkillTemplate template;

        TemplateButton(SkillTemplate template) {
            this.template = template;
        }

        @Override
        public Object value(String key) {
            return switch (key) {
                case "id" -> "template-" + template.wire();
                case "label" -> template.label() + " " + template.gunnery() + "/" + template.piloting()
                        + (template.xp() > 0 ? ", " + template.xp() + " XP" : "");
                default -> throw Bindable.unknown(key);
            };
        }

        @Override
        public void act(String key) {
            applyTemplate(template.wire());
        }
    }

    public void applyTemplate(String wire) {
        for (SkillTemplate template : SkillTemplate.values()) {
            if (template.wire().equals(wire)) {
                ItemPatch patch = ItemPatch.field("gunnery", (double) template.gunnery())
                        .set("piloting", (double) template.piloting()).set("xp", (double) template.xp());
                if (isCreating()) {
                    draft.putAll(patch.fields());
                } else {
                    save(patch);
                }
                for (FormField field : fields) {
                    if (patch.fields().containsKey(field.getKey())) {
                        field.reset();
                    }
                }
                Toasts.announce(template.label() + " skills set: gunnery " + template.gunnery() + ", piloting "
                        + template.piloting());
            }
        }
    }

    // ---- create

    public boolean isDraftSync() {
        return draftSync;
    }

    public void toggleDraftSync() {
        draftSync = !draftSync;
    }

    public String getFormError() {
        return formError == null ? "" : formError;
    }

    public boolean isFormFailed() {
        return formError != null;
    }

    public void create() {
        boolean typedErrors = name.isInvalid();
        for (FormField field : fields) {
            typedErrors |= field.isInvalid();
        }
        List<FieldError> errors = ItemValidator.validate(type, draftName, draft, false);
        for (FieldError error : errors) {
            fieldFor(error.field()).fail(error.message());
        }
        if (typedErrors || !errors.isEmpty()) {
            formError = "Please correct the fields marked below.";
            VaultFiles.focusSoon(firstInvalidId());
            return;
        }
        String id = store().newId();
        try {
            store().addItem(VaultItem.of(id, type, draftName, draft, draftSync));
        } catch (InvalidItemException e) {
            formError = e.getMessage();
            return;
        }
        Toasts.show("Created " + getTypeLabel() + " \u201c" + draftName + "\u201d");
        Routes.go(Routes.item(id));
    }

    private FormField fieldFor(String key) {
        for (FormField field : fields) {
            if (field.getKey().equals(key)) {
                return field;
            }
        }
        return name;
    }

    private String firstInvalidId() {
        if (name.isInvalid()) {
            return name.getInputId();
        }
        for (FormField field : fields) {
            if (field.isInvalid()) {
                return field.getInputId();
            }
        }
        return "field-name";
    }

    // ---- sync

    public SyncBadge getBadge() {
        VaultItem item = item();
        if (item == null) {
            return new SyncBadge(org.vaultsync.vault.SyncState.DISABLED);
        }
        if (isPeerItem()) {
            // a peer's item lives only in the room: what we see is the room's value, unless a field is in conflict
            return new SyncBadge(isConflicted() ? org.vaultsync.vault.SyncState.CONFLICT
                    : org.vaultsync.vault.SyncState.SYNCED);
        }
        return new SyncBadge(item.syncState());
    }

    public boolean isSyncEnabled() {
        VaultItem item = item();
        return item != null && item.syncEnabled();
    }

    public void toggleSync() {
        boolean enable = !isSyncEnabled();
        store().toggleSync(itemId, enable);
        Toasts.announce(enable ? "Sync enabled for " + getTitle() : "Sync disabled for " + getTitle());
    }

    public String getSyncHint() {
        if (!isSyncEnabled()) {
            return "Off: this " + getTypeLabel() + " stays on this device.";
        }
        return room() == null ? "On: shared as soon as you join a room." : "On: shared with everyone in the room.";
    }

    // ---- conflicts

    public List<ConflictRow> getConflicts() {
        List<ConflictRow> out = new ArrayList<>();
        RoomVault room = room();
        if (room != null && itemId != null) {
            for (FieldConflict conflict : room.conflicts()) {
                if (conflict.itemId().equals(itemId)) {
                    out.add(new ConflictRow(conflict, type, room));
                }
            }
        }
        return out;
    }

    public boolean isConflicted() {
        return !getConflicts().isEmpty();
    }

    // ---- delete

    public boolean isConfirmingDelete() {
        return confirmingDelete;
    }

    public void askDelete() {
        confirmingDelete = true;
        VaultFiles.focusSoon("delete-cancel");
    }

    public void cancelDelete() {
        confirmingDelete = false;
        VaultFiles.focusSoon("delete");
    }

    public void confirmDelete() {
        VaultItem gone = item();
        confirmingDelete = false;
        if (gone == null) {
            return;
        }
        VaultStore store = store();
        store.removeItem(gone.id());
        backToList();
        Toasts.show("Deleted \u201c" + gone.name() + "\u201d", "Undo", () -> {
            if (!store.contains(gone.id())) {
                store.addItem(VaultItem.of(gone.id(), gone.type(), gone.name(), gone.data(), gone.syncEnabled()));
                Toasts.announce("Restored " + gone.name());
            }
        });
    }

    // ---- force editor

    public List<SlotRow> getSlots() {
        VaultItem item = item();
        int count = item == null || item.type() != ItemType.FORCE ? 0 : new Force(item).slots();
        while (slotRows.size() < count) {
            slotRows.add(new SlotRow(this, slotRows.size() + 1));
        }
        while (slotRows.size() > count) {
            slotRows.remove(slotRows.size() - 1);
        }
        return slotRows;
    }

    List<Assignment> assignments() {
        VaultItem item = item();
        return item == null ? List.of() : new Force(item).assignments();
    }

    /** The vault's items of {@code wanted} type by name, sorted again only when an item of that type changed. */
    List<VaultItem> itemsOfType(ItemType wanted) {
        int revision = AppServices.get().revision(wanted);
        Candidates cached = candidates.get(wanted);
        if (cached == null || cached.revision != revision) {
            List<VaultItem> items = store().getItemsByType(wanted);
            items.sort((a, b) -> AsciiFold.compare(a.name(), b.name()));
            cached = new Candidates(revision, items);
            candidates.put(wanted, cached);
        }
        return cached.items;
    }

    /**
     * Every unit of the vault as a slot's options, with its tonnage and battle value: one list that every slot
     * shares, built again only when a unit changed.
     */
    List<Option> unitOptions() {
        int revision = AppServices.get().revision(ItemType.UNIT);
        if (unitOptions == null || unitOptionsRevision != revision) {
            List<Option> out = new ArrayList<>();
            out.add(new Option("", "No unit"));
            for (VaultItem item : itemsOfType(ItemType.UNIT)) {
                Unit unit = new Unit(item);
                out.add(new Option(item.id(), item.name() + " \u2014 " + Numbers.grouped(unit.tonnage()) + " t, BV "
                        + Numbers.grouped(unit.battleValue())));
            }
            unitOptions = out;
            unitOptionsRevision = revision;
        }
        return unitOptions;
    }

    boolean isInVault(ItemType wanted, String id) {
        VaultItem item = store().item(id);
        return item != null && item.type() == wanted;
    }

    /** The items offered in a force's slots, as of one revision of their type. */
    private record Candidates(int revision, List<VaultItem> items) {
    }

    /** Puts {@code assignment} into its slot; returns the vault's reason when it refuses, else null. */
    String assign(Assignment assignment) {
        List<Assignment> next = new ArrayList<>();
        for (Assignment existing : assignments()) {
            if (existing.slot() != assignment.slot()) {
                next.add(existing);
            }
        }
        next.add(assignment);
        try {
            save(ItemPatch.field("assignments", Assignment.toJson(next)));
            return null;
        } catch (InvalidItemException e) {
            return e.getMessage();
        }
    }

    private ForceTotals totals() {
        VaultItem item = item();
        return new Force(item).totals(ItemFormView::find);
    }

    public String getTotalBv() {
        return Numbers.grouped(totals().battleValue());
    }

    public String getTotalTonnage() {
        return Numbers.grouped(totals().tonnage()) + " t";
    }

    public String getAverageGunnery() {
        return Numbers.oneDecimal(totals().averageGunnery());
    }

    public String getAveragePiloting() {
        return Numbers.oneDecimal(totals().averagePiloting());
    }

    public String getAssignedText() {
        ForceTotals totals = totals();
        return Numbers.count(totals.assignedPilots(), "pilot", "pilots") + ", "
                + Numbers.count(totals.assignedUnits(), "unit", "units");
    }

    public int getEmptySlots() {
        return totals().emptySlots();
    }

    /** The weight class of the force's average unit, or a dash with no units. */
    public String getForceWeightClass() {
        ForceTotals totals = totals();
        return totals.assignedUnits() == 0 ? "\u2014"
                : WeightClass.ofTonnage(totals.tonnage() / totals.assignedUnits()).label();
    }

    /** Unit essentials for the page header. */
    public String getEssentials() {
        VaultItem item = item();
        return item == null ? "" : ItemRow.essentials(item, ItemFormView::find);
    }
}
