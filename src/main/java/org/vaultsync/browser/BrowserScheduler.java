package org.vaultsync.browser;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.vaultsync.common.Cancellable;
import org.vaultsync.common.Scheduler;

/** The page's event loop as the sync layer's {@link Scheduler}: {@code setTimeout} and {@code Date.now()}. */
public final class BrowserScheduler implements Scheduler {
    @JSFunctor
    interface TimerTask extends JSObject {
        void run();
    }

    @Override
    public long now() {
        return (long) dateNow();
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        int handle = setTimeout(task::run, (int) Math.min(Integer.MAX_VALUE, Math.max(0, delayMillis)));
        return () -> clearTimeout(handle);
    }

    @JSBody(script = "return Date.now();")
    private static native double dateNow();

    @JSBody(params = {"task", "delay"}, script = "return setTimeout(task, delay);")
    private static native int setTimeout(TimerTask task, int delay);

    @JSBody(params = "handle", script = "clearTimeout(handle);")
    private static native void clearTimeout(int handle);
}
