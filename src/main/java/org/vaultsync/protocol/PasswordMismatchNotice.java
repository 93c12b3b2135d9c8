package org.vaultsync.protocol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our plaintext signaling payload for "I received a message in this room that my key cannot open" (see
 * docs/security.md, wrong-password detection). It has to be plaintext: the peers it is for do not share our key. It
 * names no password and no peer: {@code from} is a random id per room join (only to skip our own echo),
 * {@code readers} how many peers' messages we can read, {@code age} whole seconds since we joined; the signaling
 * server sees both of those anyway (subscriber counts, subscribe times). y-webrtc ignores it: in password rooms it
 * drops non-string data, in plain rooms unknown types.
 */
public record PasswordMismatchNotice(String from, int readers, int ageSeconds) {
    public static final String TYPE = "vault-sync/password-mismatch";

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", TYPE);
        json.put("from", from);
        json.put("readers", readers);
        json.put("age", ageSeconds);
        return json;
    }

    /** The notice in a {@code publish.data} value, or null if it is not one (or not a well-formed one). */
    public static PasswordMismatchNotice fromJson(Object data) {
        if (!(data instanceof Map<?, ?> object) || !TYPE.equals(object.get("type"))
                || !(object.get("from") instanceof String from) || from.isEmpty()
                || !(object.get("readers") instanceof Number readers) || !(object.get("age") instanceof Number age)) {
            return null;
        }
        double r = readers.doubleValue();
        double a = age.doubleValue();
        if (!(r >= 0 && r <= 1_000_000) || !(a >= 0 && a <= 1e9)) {
            return null;
        }
        return new PasswordMismatchNotice(from, (int) r, (int) a);
    }
}
