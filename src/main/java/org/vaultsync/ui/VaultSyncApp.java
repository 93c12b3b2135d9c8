package org.vaultsync.ui;

import java.util.function.Consumer;
import org.teavm.flavour.routing.Routing;
import org.teavm.flavour.templates.BindTemplate;
import org.teavm.flavour.widgets.ApplicationTemplate;
import org.teavm.flavour.templates.Templates;
import org.teavm.flavour.widgets.RouteBinder;
import org.teavm.jso.browser.Window;
import org.vaultsync.browser.BrowserNativeJson;
import org.vaultsync.browser.BrowserNativeText;
import org.vaultsync.vault.ItemType;

/** The app shell: navigation around whichever page the current route selects. */
@BindTemplate("templates/app.html")
public class VaultSyncApp extends ApplicationTemplate implements AppRoute {
    private String currentPage = "";
    private String routedHash;
    /** An item page opened before its item was known (the vault still loading, a peer's item not yet synced). */
    private String awaitedItem;
    private final StatusIndicator status = new StatusIndicator();

    public static void main(String[] args) {
        BrowserNativeText.install(); // native number formatting and UTF-8 for the engine and JSON
        BrowserNativeJson.install(); // native JSON.parse (signaling frames, awareness, vault records)
        AppServices.get(); // opens the vault and the sync client while the first page renders
        AppUpdates.start();
        StatusIndicator.startTicking();
        VaultSyncApp app = new VaultSyncApp();
        AppServices.get().onChange(app::showAwaitedItem);
        new RouteBinder()
                .withDefault(AppRoute.class, AppRoute::units)
                .add(app)
                .update();
        // Flavour's RouteBinder ignores fragments that match no route, which would leave a stale or blank page.
        // This listener is registered after the binder's, so it sees whether the binder routed this fragment.
        Window.current().listenHashChange(event -> app.showNotFoundUnlessRouted());
        app.showNotFoundUnlessRouted();
        app.bind("app");
    }

    public AppRoute route(Consumer<String> consumer) {
        return Routing.build(AppRoute.class, consumer);
    }

    /** The connection state in the top bar, on every page. */
    public StatusIndicator getStatus() {
        return status;
    }

    public String getCurrentPage() {
        return currentPage;
    }

    @Override
    public void units() {
        show("units", new VaultListView(VaultSection.UNITS));
    }

    @Override
    public void pilots() {
        show("pilots", new VaultListView(VaultSection.PILOTS));
    }

    @Override
    public void forces() {
        show("forces", new VaultListView(VaultSection.FORCES));
    }

    @Override
    public void newUnit() {
        show("units", ItemFormView.create(ItemType.UNIT));
    }

    @Override
    public void newPilot() {
        show("pilots", ItemFormView.create(ItemType.PILOT));
    }

    @Override
    public void newForce() {
        show("forces", ItemFormView.create(ItemType.FORCE));
    }

    @Override
    public void item(String id) {
        ItemFormView form = ItemFormView.edit(id);
        if (form == null) {
            awaitedItem = id;
            show("", new ItemMissingView());
            return;
        }
        show(form.getTypeLabel() + "s", form);
        VaultFiles.focusSoon("page-heading");
    }

    private void showAwaitedItem() {
        String id = awaitedItem;
        if (id != null && currentPage.isEmpty() && ItemFormView.edit(id) != null) {
            item(id);
        }
    }

    /** Whether the vault could not be stored and lives in memory for this page only. */
    /** A big import under way (started on any screen, shown above every page until it ends), or null. */
    public ImportProgress getImportProgress() {
        return ImportProgress.running();
    }

    public boolean isVaultInMemory() {
        return AppServices.get().vaultFailure() != null;
    }

    public String getVaultFailure() {
        String failure = AppServices.get().vaultFailure();
        return failure == null ? "" : failure;
    }

    @Override
    public void syncSettings() {
        show("sync", new SyncSettingsView());
    }

    @Override
    public void shared() {
        show("shared", new SharedByPeersView());
    }

    @Override
    public void join(String code) {
        show("sync", new JoinRoomView(code));
    }

    private void showNotFoundUnlessRouted() {
        String hash = Window.current().getLocation().getHash();
        if (!hash.equals(routedHash)) {
            show("", new NotFoundView());
            Templates.update();
        }
    }

    private void show(String page, Object view) {
        if (!(view instanceof ItemMissingView)) {
            awaitedItem = null;
        }
        currentPage = page;
        routedHash = Window.current().getLocation().getHash();
        setView(view);
        PageTitle.set(view instanceof TitledView titled ? titled.getTitle() : "Vault Sync");
    }
}
