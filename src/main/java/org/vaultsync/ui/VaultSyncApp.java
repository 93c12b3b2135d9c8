package org.vaultsync.ui;

import java.util.function.Consumer;
import org.teavm.flavour.routing.Routing;
import org.teavm.flavour.templates.BindTemplate;
import org.teavm.flavour.widgets.ApplicationTemplate;
import org.teavm.flavour.widgets.RouteBinder;

/** The app shell: navigation around whichever page the current route selects. */
@BindTemplate("templates/app.html")
public class VaultSyncApp extends ApplicationTemplate implements AppRoute {
    private String currentPage = "";

    public static void main(String[] args) {
        VaultSyncApp app = new VaultSyncApp();
        new RouteBinder()
                .withDefault(AppRoute.class, AppRoute::units)
                .add(app)
                .update();
        app.bind("app");
    }

    public AppRoute route(Consumer<String> consumer) {
        return Routing.build(AppRoute.class, consumer);
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
    public void syncSettings() {
        show("sync", new SyncSettingsView());
    }

    private void show(String page, Object view) {
        currentPage = page;
        setView(view);
        PageTitle.set(view instanceof VaultListView list ? list.getTitle() : "Sync settings");
    }
}
