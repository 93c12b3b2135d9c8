package org.vaultsync.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Registers the service worker (webapp/sw.js) that lets the app start offline, and tells the player when a new
 * version has been downloaded: "Reload" activates it and reloads once. Until then the running version stays, so
 * a page never changes under someone mid-edit.
 */
final class AppUpdates {
    private AppUpdates() {
    }

    @JSFunctor
    interface Waiting extends JSObject {
        void ready(JSObject worker);
    }

    static void start() {
        register(worker -> Toasts.show("A new version of Vault Sync is ready", "Reload", () -> activate(worker)));
    }

    @JSBody(params = "waiting", script = ""
            + "if (!('serviceWorker' in navigator) || !window.isSecureContext) return;"
            + "navigator.serviceWorker.addEventListener('controllerchange', function() {"
            + "  if (window.vaultSyncUpdating) { window.vaultSyncUpdating = false; location.reload(); }"
            + "});"
            + "navigator.serviceWorker.register('sw.js').then(function(registration) {"
            + "  var offer = function(worker) { if (worker && navigator.serviceWorker.controller) waiting(worker); };"
            + "  offer(registration.waiting);"
            + "  registration.addEventListener('updatefound', function() {"
            + "    var worker = registration.installing;"
            + "    worker.addEventListener('statechange', function() { if (worker.state === 'installed') offer(worker); });"
            + "  });"
            + "}, function(error) { console.warn('Offline start is not available: ' + error); });")
    private static native void register(Waiting waiting);

    @JSBody(params = "worker", script = "window.vaultSyncUpdating = true; worker.postMessage('skip-waiting');")
    private static native void activate(JSObject worker);
}
