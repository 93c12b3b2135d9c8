package org.vaultsync.e2e.probe;

import org.vaultsync.ui.AppServices;
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
        VaultProbe.exportCalls(() -> AppServices.get().vault().store());
        SyncProbe.export0("vaultOpen", () -> String.valueOf(AppServices.get().vault() != null));
        SyncProbe.export0("syncDebug", () -> {
            var sync = AppServices.get().sync();
            var stats = sync.session().stats();
            return sync.getStatus() + " reachable=" + sync.session().reachablePeerCount() + " sent="
                    + stats.messagesSent + " received=" + stats.messagesReceived + " peers=" + sync.getPeers();
        });
    }
}
