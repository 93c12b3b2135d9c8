package org.vaultsync.ui;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Registers the service worker (webapp/sw.js) that lets the app start offline, and tells the player when a new
 * version has been downloaded: "Reload" activates it and reloads once. Until then the running version stays, so
 * a page never changes under someone mid-edit. The browser looks for a new version when the app starts; an open
 * app also looks when the network comes back, when its tab is shown again, and every hour.
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
            // an app left open for days still hears of a new version: when the network is back, when the player
            // returns to the tab, and hourly (a failed check just waits for the next)
            + "  var check = function() { registration.update().catch(function() {}); };"
            + "  window.addEventListener('online', check);"
            + "  document.addEventListener('visibilitychange', function() { if (!document.hidden) check(); });"
            + "  setInterval(check, 3600000);"
            + "}, function(error) { console.warn('Offline start is not available: ' + error); });")
    private static native void register(Waiting waiting);

    @JSBody(params = "worker", script = "window.vaultSyncUpdating = true; worker.postMessage('skip-waiting');")
    private static native void activate(JSObject worker);
}
