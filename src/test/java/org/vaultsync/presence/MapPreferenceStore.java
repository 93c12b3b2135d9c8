package org.vaultsync.presence;

import java.util.HashMap;
import java.util.Map;

/** In-memory {@link PreferenceStore}: the browser's localStorage stand-in for tests. */
public final class MapPreferenceStore implements PreferenceStore {
    final Map<String, String> values = new HashMap<>();

    @Override
    public String get(String key) {
        return values.get(key);
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }

    /** Everything stored, for tests that check what must never be stored. */
    public Map<String, String> snapshot() {
        return Map.copyOf(values);
    }
}
