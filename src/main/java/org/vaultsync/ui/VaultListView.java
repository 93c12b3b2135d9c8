package org.vaultsync.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.teavm.flavour.templates.BindTemplate;
import org.teavm.flavour.templates.Templates;
import org.teavm.jso.JSBody;
import org.vaultsync.ui.bind.Bindable;
import org.vaultsync.vault.Choice;
import org.vaultsync.vault.Era;
import org.vaultsync.vault.ForceStatus;
import org.vaultsync.vault.ForceType;
import org.vaultsync.vault.InvalidVaultFileException;
import org.vaultsync.vault.ItemQuery;
import org.vaultsync.vault.ItemType;
import org.vaultsync.vault.PilotStatus;
import org.vaultsync.vault.TechBase;
import org.vaultsync.vault.UnitType;
import org.vaultsync.vault.VaultFile;
import org.vaultsync.vault.VaultImport;
import org.vaultsync.vault.VaultItem;
import org.vaultsync.vault.VaultStore;
import org.vaultsync.vault.WeightClass;

/**
 * One vault section's list: search as you type, filters and sort ({@link ItemQuery}), a page of rows at a time so
 * a vault of thousands stays quick, selection for export, and the vault file import with its summary.
 */
@BindTemplate("templates/vault-list.html")
public class VaultListView implements TitledView, Bindable {
    static final int PAGE_SIZE = 50;

    private final VaultSection section;
    private final ItemQuery query;
    private final Set<String> selected = new LinkedHashSet<>();
    private int page;
    private List<VaultItem> results = new ArrayList<>();
    private int resultsRevision = -1;
    private boolean queryChanged = true;
    private List<ItemRow> rows = new ArrayList<>();
    private List<VaultItem> importItems;
    private String importSummary;
    private String importError;

    public VaultListView(VaultSection section) {
        this.section = section;
        this.query = new ItemQuery(section.type());
    }

    /** What vault-list.html binds by name ({@code ui:bind="this"}). */
    @Override
    public Object value(String key) {
        return switch (key) {
            case "itemType" -> section.getItemType();
            case "title" -> getTitle();
            case "newHref" -> "#/vault/" + section.getItemType() + "s/new";
            case "newLabel" -> "New " + section.getItemType();
            // one of three at a time: the vault opening, no item of this type, or the query and the list
            case "loading" -> isLoading();
            case "empty" -> isEmpty();
            case "listing" -> !isLoading() && !isEmpty();
            case "countText" -> getCountText();
            case "noMatch" -> isNoMatch();
            case "paged" -> isPaged();
            case "emptyHeadline" -> section.getEmptyHeadline();
            case "emptyHint" -> section.getEmptyHint();
            case "searchLabel" -> "Search " + section.getItemType() + "s";
            case "search" -> getSearch();
            case "kind" -> getKind();
            case "kindOptions" -> getKindOptions();
            case "weightClass" -> getWeightClass();
            case "weightClassOptions" -> getWeightClassOptions();
            case "techBase" -> getTechBase();
            case "techBaseOptions" -> getTechBaseOptions();
            case "era" -> getEra();
            case "eraOptions" -> getEraOptions();
            case "status" -> getStatus();
            case "statusOptions" -> getStatusOptions();
            case "sort" -> getSort();
            case "sortOptions" -> getSortOptions();
            case "units" -> isUnits();
            case "forces" -> isForces();
            case "notUnits" -> !isUnits();
            case "noMatchText" -> getNoMatchText();
            case "notFirstPage" -> !isFirstPage();
            case "notLastPage" -> !isLastPage();
            case "pageText" -> getPageText();
            case "notLoading" -> !isLoading();
            case "somethingSelected" -> !isNothingSelected();
            case "exportSelectedLabel" -> "Export selected (" + getSelectedCount() + ")";
            case "importReady" -> isImportReady();
            case "importSummary" -> getImportSummary();
            case "importFailed" -> isImportFailed();
            case "importError" -> getImportError();
            default -> throw Bindable.unknown(key);
        };
    }

    @Override
    public void act(String key) {
        switch (key) {
            case "ignoreSubmit" -> ignoreSubmit();
            case "clearQuery" -> clearQuery();
            case "previousPage" -> previousPage();
            case "nextPage" -> nextPage();
            case "exportAll" -> exportAll();
            case "exportSelected" -> exportSelected();
            case "clearSelection" -> clearSelection();
            case "fileChosen" -> fileChosen();
            case "confirmImport" -> confirmImport();
            case "cancelImport" -> cancelImport();
            default -> throw Bindable.unknown(key);
        }
    }

    public VaultSection getSection() {
        return section;
    }

    @Override
    public String getTitle() {
        return section.getTitle();
    }


    // ---- states

    private static VaultStore store() {
        return AppServices.get().store();
    }

    public boolean isLoading() {
        return store() == null;
    }

    /** The vault has no item of this type at all (not: the filters hide them). */
    public boolean isEmpty() {
        return store() != null && store().getItemsByType(section.type()).isEmpty();
    }

    public boolean isNoMatch() {
        return !isLoading() && !isEmpty() && refresh().isEmpty();
    }

    public String getNoMatchText() {
        String search = query.search().trim();
        return "No " + section.getItemType() + "s" + " match "
                + (search.isEmpty() ? "these filters" : "\u201c" + search + "\u201d" + (query.narrows()
                && (!query.kind().isEmpty() || !query.status().isEmpty() || !query.era().isEmpty()
                || !query.techBase().isEmpty() || !query.weightClass().isEmpty()) ? " with these filters" : ""))
                + ".";
    }

    /** Enter in the search box does nothing more: the list already follows every keystroke. */
    public void ignoreSubmit() {
    }

    public void clearQuery() {
        query.clear();
        queryChanged = true;
        page = 0;
        VaultFiles.focusSoon("search");
    }

    // ---- the list

    private List<VaultItem> refresh() {
        VaultStore store = store();
        if (store == null) {
            return results;
        }
        int revision = AppServices.get().revision();
        if (queryChanged || revision != resultsRevision) {
            queryChanged = false;
            resultsRevision = revision;
            results = query.apply(store.items(), store::item);
            selected.retainAll(idsOf(store.items()));
            page = Math.min(page, Math.max(0, pageCount() - 1));
            rows = null;
        }
        if (rows == null) {
            rows = new ArrayList<>();
            int end = Math.min(results.size(), (page + 1) * PAGE_SIZE);
            for (int i = page * PAGE_SIZE; i < end; i++) {
                VaultItem item = results.get(i);
                rows.add(new ItemRow(item, store::item, selected.contains(item.id()), this));
            }
        }
        return results;
    }

    private static Set<String> idsOf(List<VaultItem> items) {
        Set<String> ids = new LinkedHashSet<>();
        for (VaultItem item : items) {
            ids.add(item.id());
        }
        return ids;
    }

    public List<ItemRow> getRows() {
        refresh();
        return rows;
    }

    /** "Showing 1–50 of 5,000 units" (the status line, read out when it changes). */
    public String getCountText() {
        int total = refresh().size();
        String noun = section.getItemType() + "s";
        if (total <= PAGE_SIZE) {
            return Numbers.count(total, section.getItemType(), noun) + (query.narrows() ? " match" : "");
        }
        int from = page * PAGE_SIZE + 1;
        int to = Math.min(total, (page + 1) * PAGE_SIZE);
        return "Showing " + Numbers.grouped(from) + "\u2013" + Numbers.grouped(to) + " of " + Numbers.grouped(total)
                + " " + noun;
    }

    public boolean isPaged() {
        return refresh().size() > PAGE_SIZE;
    }

    private int pageCount() {
        return (results.size() + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    public String getPageText() {
        return "Page " + (page + 1) + " of " + pageCount();
    }

    public boolean isFirstPage() {
        return page == 0;
    }

    public boolean isLastPage() {
        return page >= pageCount() - 1;
    }

    public void nextPage() {
        if (!isLastPage()) {
            page++;
            rows = null;
        }
    }

    public void previousPage() {
        if (page > 0) {
            page--;
            rows = null;
        }
    }

    // ---- search, filters, sort

    private Binding queryField(java.util.function.Supplier<String> get, Consumer<String> set) {
        return new Binding(get, text -> {
            set.accept(text);
            queryChanged = true;
            page = 0;
        });
    }

    public Binding getSearch() {
        return queryField(query::search, query::setSearch);
    }

    public Binding getKind() {
        return queryField(query::kind, query::setKind);
    }

    public Binding getWeightClass() {
        return queryField(query::weightClass, query::setWeightClass);
    }

    public Binding getTechBase() {
        return queryField(query::techBase, query::setTechBase);
    }

    public Binding getEra() {
        return queryField(query::era, query::setEra);
    }

    public Binding getStatus() {
        return queryField(query::status, query::setStatus);
    }

    public Binding getSort() {
        return queryField(() -> query.sort().wire(), wire -> query.setSort(Choice.byWire(ItemQuery.Sort.values(), wire)));
    }

    public boolean isUnits() {
        return section.type() == ItemType.UNIT;
    }

    public boolean isPilots() {
        return section.type() == ItemType.PILOT;
    }

    public boolean isForces() {
        return section.type() == ItemType.FORCE;
    }

    public List<Option> getKindOptions() {
        return isUnits() ? Option.of(UnitType.values(), "Any type") : Option.of(ForceType.values(), "Any type");
    }

    public List<Option> getWeightClassOptions() {
        return Option.of(WeightClass.values(), "Any weight");
    }

    public List<Option> getTechBaseOptions() {
        return Option.of(TechBase.values(), "Any tech base");
    }

    public List<Option> getEraOptions() {
        return Option.of(Era.values(), "Any era");
    }

    public List<Option> getStatusOptions() {
        return isPilots() ? Option.of(PilotStatus.values(), "Any status") : Option.of(ForceStatus.values(), "Any status");
    }

    public List<Option> getSortOptions() {
        List<Option> out = new ArrayList<>();
        for (ItemQuery.Sort sort : ItemQuery.Sort.values()) {
            if (isPilots() && (sort == ItemQuery.Sort.TONNAGE || sort == ItemQuery.Sort.BV)) {
                continue; // pilots have neither
            }
            out.add(new Option(sort.wire(), sort.label()));
        }
        return out;
    }

    // ---- selection and export

    public void toggleSelected(String id) {
        if (!selected.remove(id)) {
            selected.add(id);
        }
        rows = null;
    }

    public int getSelectedCount() {
        return selected.size();
    }

    public boolean isNothingSelected() {
        return selected.isEmpty();
    }

    public void clearSelection() {
        selected.clear();
        rows = null;
    }

    public void exportAll() {
        VaultFiles.download("vault-sync-" + today() + ".json", VaultFile.export(store(), null, (long) now()));
        Toasts.show("Exported your whole vault (" + Numbers.count(store().items().size(), "item", "items") + ")");
    }

    public void exportSelected() {
        if (selected.isEmpty()) {
            return;
        }
        VaultFiles.download("vault-sync-" + today() + "-selected.json",
                VaultFile.export(store(), new ArrayList<>(selected), (long) now()));
        Toasts.show("Exported " + Numbers.count(selected.size(), "selected item", "selected items"));
    }

    // ---- import

    public void fileChosen() {
        VaultFiles.readChosenFile("import-file", (text, fileName, error) -> {
            importItems = null;
            importSummary = null;
            importError = error;
            if (text != null) {
                try {
                    List<VaultItem> items = VaultFile.read(text);
                    importItems = items;
                    importSummary = summary(fileName, items);
                    VaultFiles.focusSoon("import-confirm");
                } catch (InvalidVaultFileException e) {
                    importError = "\u201c" + fileName + "\u201d cannot be imported. " + e.getMessage() + ".";
                }
            }
            Templates.update();
        });
    }

    private String summary(String fileName, List<VaultItem> items) {
        int units = 0;
        int pilots = 0;
        int forces = 0;
        int copies = 0;
        for (VaultItem item : items) {
            units += item.type() == ItemType.UNIT ? 1 : 0;
            pilots += item.type() == ItemType.PILOT ? 1 : 0;
            forces += item.type() == ItemType.FORCE ? 1 : 0;
            copies += store().contains(item.id()) ? 1 : 0;
        }
        if (items.isEmpty()) {
            return "\u201c" + fileName + "\u201d holds no items; importing it adds nothing.";
        }
        List<String> parts = new ArrayList<>();
        if (units > 0) {
            parts.add(Numbers.count(units, "unit", "units"));
        }
        if (pilots > 0) {
            parts.add(Numbers.count(pilots, "pilot", "pilots"));
        }
        if (forces > 0) {
            parts.add(Numbers.count(forces, "force", "forces"));
        }
        StringBuilder text = new StringBuilder("Importing \u201c").append(fileName).append("\u201d adds ");
        for (int i = 0; i < parts.size(); i++) {
            text.append(i == 0 ? "" : i == parts.size() - 1 ? " and " : ", ").append(parts.get(i));
        }
        text.append(" to your vault, not shared.");
        if (copies > 0) {
            text.append(' ').append(Numbers.count(copies, "item is", "items are"))
                    .append(" already in your vault and will come in as a copy.");
        }
        return text.toString();
    }

    public String getImportSummary() {
        return importSummary;
    }

    public boolean isImportReady() {
        return importSummary != null;
    }

    public String getImportError() {
        return importError;
    }

    public boolean isImportFailed() {
        return importError != null;
    }

    /** Starts the import of the chosen file; a big one runs in slices with its progress shown (ImportProgress). */
    public void confirmImport() {
        List<VaultItem> items = importItems;
        cancelImport();
        if (items != null && ImportProgress.start(VaultImport.ofFileItems(store(), items),
                job -> "Imported " + Numbers.count(job.added().size(), "item", "items"))) {
            VaultFiles.focusSoon("import-progress");
        }
    }

    public void cancelImport() {
        importItems = null;
        importSummary = null;
        importError = null;
    }

    @JSBody(script = "return new Date().toISOString().slice(0, 10);")
    private static native String today();

    @JSBody(script = "return Date.now();")
    private static native double now();
}
