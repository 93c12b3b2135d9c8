package org.vaultsync.browser;

import java.util.function.Consumer;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** {@code navigator.onLine} with its {@code online}/{@code offline} events, and page visibility. */
public final class NetworkMonitor {
    private NetworkMonitor() {
    }

    @JSFunctor
    interface FlagHandler extends JSObject {
        void handle(boolean flag);
    }

    @JSBody(script = "return typeof navigator === 'undefined' || navigator.onLine !== false;")
    public static native boolean isOnline();

    @JSBody(script = "return typeof document === 'undefined' || document.visibilityState !== 'hidden';")
    public static native boolean isVisible();

    /** Calls back with true when the browser goes online, false when it goes offline. */
    public static void onOnlineChange(Consumer<Boolean> listener) {
        listenOnline(listener::accept);
    }

    /** Calls back with true when the page becomes visible, false when hidden. */
    public static void onVisibilityChange(Consumer<Boolean> listener) {
        listenVisibility(listener::accept);
    }

    @JSBody(params = "handler", script = ""
            + "window.addEventListener('online', function() { handler(true); });"
            + "window.addEventListener('offline', function() { handler(false); });")
    private static native void listenOnline(FlagHandler handler);

    @JSBody(params = "handler", script = ""
            + "document.addEventListener('visibilitychange', function() {"
            + "  handler(document.visibilityState !== 'hidden');"
            + "});")
    private static native void listenVisibility(FlagHandler handler);
}
