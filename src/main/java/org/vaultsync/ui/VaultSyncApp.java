package org.vaultsync.ui;

import org.teavm.flavour.templates.BindTemplate;
import org.teavm.flavour.templates.Fragment;
import org.teavm.flavour.templates.Templates;
import org.teavm.jso.browser.Window;
import org.vaultsync.browser.BrowserNativeJson;
import org.vaultsync.browser.BrowserNativeText;
import org.vaultsync.ui.bind.Bindable;
import org.vaultsync.vault.ItemType;

/** The app shell: navigation around whichever page the current route selects. */
@BindTemplate("templates/app.html")
public class VaultSyncApp implements AppRoute, Bindable {
    private String currentPage = "";
    private Fragment content;
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
        Window.current().listenHashChange(event -> {
            app.route();
            Templates.update();
        });
        app.route();
        Templates.bind(app, Window.current().getDocument().getElementById("app"));
    }

    /**
     * Shows the page of the current fragment: an empty one goes to the units list; one that matches no page (a
     * mistyped or outdated link) shows "Page not found" instead of leaving the previous page.
     */
    private void route() {
        String hash = Window.current().getLocation().getHash();
        if (hash.isEmpty() || hash.equals("#")) {
            Routes.go(Routes.UNITS); // the address bar says where the player is; its hashchange shows it again
            units();
        } else if (!Routes.open(hash, this)) {
            show("", new NotFoundView());
        }
    }

    /** The current page (the shell's {@code std:insert}). */
    public Fragment getContent() {
        return content;
    }

    /** What app.html binds by name ({@code ui:bind="this"}). */
    @Override
    public Object value(String key) {
        return switch (key) {
            case "navUnits" -> active("units");
            case "navPilots" -> active("pilots");
            case "navForces" -> active("forces");
            case "navShared" -> active("shared");
            case "navSync" -> active("sync");
            case "statusState" -> status.getState();
            case "statusTitle" -> "Sync: " + status.getText();
            case "statusText" -> status.getText();
            case "retryable" -> status.isRetryable();
            // the vault could not be stored and lives in memory for this page only
            case "vaultInMemory" -> AppServices.get().vaultFailure() != null;
            case "vaultFailure" -> "(" + AppServices.get().vaultFailure() + ")";
            // a big import under way (started on any screen, shown above every page until it ends)
            case "importing" -> ImportProgress.running() != null;
            case "importTotal" -> ImportProgress.running().getTotal();
            case "importDone" -> ImportProgress.running().getDone();
            case "importText" -> ImportProgress.running().getText();
            default -> throw Bindable.unknown(key);
        };
    }

    @Override
    public void act(String key) {
        if (!key.equals("retry")) {
            throw Bindable.unknown(key);
        }
        status.retry();
    }

    private String active(String page) {
        return currentPage.equals(page) ? "active" : "";
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

    @Override
    public void syncSettings() {
        show("sync", new SyncSettingsView());
        AppServices.get().prepareToConnect();
    }

    @Override
    public void shared() {
        show("shared", new SharedByPeersView());
    }

    @Override
    public void join(String code) {
        show("sync", new JoinRoomView(code));
        AppServices.get().prepareToConnect();
    }

    private void show(String page, Object view) {
        if (!(view instanceof ItemMissingView)) {
            awaitedItem = null;
        }
        currentPage = page;
        content = Templates.create(view);
        PageTitle.set(view instanceof TitledView titled ? titled.getTitle() : "Vault Sync");
    }
}
