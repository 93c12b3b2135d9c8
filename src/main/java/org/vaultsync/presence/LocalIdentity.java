package org.vaultsync.presence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.vaultsync.common.AsciiFold;
import org.vaultsync.common.RandomBytes;
import org.vaultsync.common.Uuid;

/**
 * This install's identity: a random id created once and kept forever, a display name the user may change, and a
 * colour derived from the id (so it is stable without storing it). It is the only source of "who am I" for presence:
 * the awareness {@code user} field is built from it, never from per-session signaling peer ids.
 */
public final class LocalIdentity {
    public static final String ID_KEY = "vault-sync.peer-id";
    public static final String NAME_KEY = "vault-sync.display-name";
    public static final int MAX_NAME_LENGTH = 40;

    /** Distinct, readable on white and dark backgrounds. */
    static final String[] COLORS = {"#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#46a0a0", "#f032e6",
        "#808000", "#9a6324", "#000075", "#800000", "#2f4f4f"};

    private final PreferenceStore store;
    private PeerIdentity identity;

    private LocalIdentity(PreferenceStore store, PeerIdentity identity) {
        this.store = store;
        this.identity = identity;
    }

    /** Loads the stored identity, creating and storing one (id and default name) on first use. */
    public static LocalIdentity load(PreferenceStore store, RandomBytes random) {
        String id = store.get(ID_KEY);
        if (!Uuid.isV4(id)) {
            id = Uuid.v4(random);
            store.put(ID_KEY, id);
        }
        String name = store.get(NAME_KEY);
        if (name == null || cleanName(name).isEmpty()) {
            name = defaultName(id);
            store.put(NAME_KEY, name);
        }
        return new LocalIdentity(store, new PeerIdentity(id, cleanName(name), colorFor(id)));
    }

    public PeerIdentity identity() {
        return identity;
    }

    /** Renames this install; blank names are refused with a message fit to show. */
    public void rename(String name) {
        String clean = cleanName(name);
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("Display name must not be empty");
        }
        store.put(NAME_KEY, clean);
        identity = new PeerIdentity(identity.id(), clean, identity.color());
    }

    /** The awareness {@code user} field: {@code {id, name, color}}. */
    public Map<String, Object> awarenessUser() {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", identity.id());
        user.put("name", identity.name());
        user.put("color", identity.color());
        return user;
    }

    /** Where {@code color} is in the palette (the UI has a style per entry), or -1 for a colour from elsewhere. */
    public static int paletteIndex(String color) {
        // A–Z folding only: equalsIgnoreCase would bring TeaVM's Unicode case tables into the client
        String lower = color == null ? null : AsciiFold.lower(color);
        for (int i = 0; i < COLORS.length; i++) {
            if (COLORS[i].equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    public static String colorFor(String id) {
        int hash = 0;
        for (int i = 0; i < id.length(); i++) {
            hash = hash * 31 + id.charAt(i);
        }
        return COLORS[Math.floorMod(hash, COLORS.length)];
    }

    static String defaultName(String id) {
        return "Player " + id.substring(0, 4).toUpperCase();
    }

    /** Trimmed, control characters dropped, at most {@link #MAX_NAME_LENGTH} characters. */
    static String cleanName(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < MAX_NAME_LENGTH; i++) {
            char c = name.charAt(i);
            if (c >= ' ' && c != 0x7F) {
                out.append(c);
            }
        }
        if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
            out.setLength(out.length() - 1);
        }
        return out.toString().trim();
    }
}
