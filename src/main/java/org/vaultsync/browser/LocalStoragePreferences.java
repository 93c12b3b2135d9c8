package org.vaultsync.browser;

import java.util.HashMap;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.vaultsync.presence.PreferenceStore;

/**
 * {@link PreferenceStore} on {@code localStorage}. Where it is unavailable or full (private windows, disabled
 * storage) the values live on in memory for this page, so the app keeps working and only forgets them on reload.
 */
public final class LocalStoragePreferences implements PreferenceStore {
    private final Map<String, String> fallback = new HashMap<>();

    @Override
    public String get(String key) {
        String stored = getItem(key);
        return stored != null ? stored : fallback.get(key);
    }

    @Override
    public void put(String key, String value) {
        if (!setItem(key, value)) {
            fallback.put(key, value);
        } else {
            fallback.remove(key);
        }
    }

    @JSBody(params = "key", script = "try { return window.localStorage.getItem(key); } catch (ignored) { return null; }")
    private static native String getItem(String key);

    @JSBody(params = {"key", "value"},
            script = "try { window.localStorage.setItem(key, value); return true; } catch (ignored) { return false; }")
    private static native boolean setItem(String key, String value);
}
