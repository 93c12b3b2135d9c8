package org.vaultsync.e2e.probe;

import java.util.ArrayList;
import java.util.List;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;
import org.vaultsync.ui.AppServices;
import org.vaultsync.vault.ItemRecords;
import org.vaultsync.vault.SharedItem;
import org.vaultsync.ui.VaultSyncApp;

/**
 * The real app plus {@code window.probe.vault*} calls on the app's own vault (add, update, toggle sync, items), so
 * end-to-end tests can create and share a unit without the vault screens. Compiled by TeaVM into the test webapp
 * {@code app-test-webapp} only; the shipped client has no such hook.
 */
public final class AppTestHooks {
    private AppTestHooks() {
    }

    public static void main(String[] args) {
        VaultSyncApp.main(args);
        VaultProbe.exportCalls(() -> AppServices.get().store());
        SyncProbe.export0("vaultOpen", () -> String.valueOf(AppServices.get().store() != null));
        SyncProbe.export2("roomEdit", (id, fields) -> {
            try {
                AppServices.get().roomVault().editShared(id, VaultProbe.patchOf(fields));
                return "";
            } catch (JsonException | RuntimeException e) {
                return "error: " + e.getMessage();
            }
        });
        SyncProbe.export0("roomShared", () -> {
            List<Object> all = new ArrayList<>();
            for (SharedItem shared : AppServices.get().roomVault().sharedByPeers()) {
                all.add(ItemRecords.toMap(shared.item(), 1, false));
            }
            try {
                return Json.stringify(all);
            } catch (JsonException e) {
                return "error: " + e.getMessage();
            }
        });
    }
}
