package org.vaultsync.presence;

/**
 * Small per-install settings that must survive reloads (the browser implements it with {@code localStorage}).
 * Reads of a missing key return {@code null}.
 */
public interface PreferenceStore {
    String get(String key);

    void put(String key, String value);
}
