package org.vaultsync.ui;

import org.teavm.flavour.templates.BindTemplate;

/** Settings › Sync. Says plainly that rooms are not available in this build rather than offering dead controls. */
@BindTemplate("templates/sync-settings.html")
public class SyncSettingsView implements TitledView {
    @Override
    public String getTitle() {
        return "Sync settings";
    }
}
