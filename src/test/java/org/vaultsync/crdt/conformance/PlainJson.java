package org.vaultsync.crdt.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultsync.crdt.Hex;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * The vectors' value notation ({@code {"$bytes": hex}}, {@code {"$undefined": true}}) and a canonical JSON text
 * with sorted keys, so values can be compared regardless of key order, as the vector generator compares them.
 */
final class PlainJson {
    private PlainJson() {
    }

    static String canonical(Object value) {
        StringBuilder out = new StringBuilder();
        write(plain(value), out);
        return out.toString();
    }

    private static Object plain(Object value) {
        if (value instanceof byte[] bytes) {
            return Map.of("$bytes", Hex.of(bytes));
        }
        if (value == Undefined.VALUE) {
            return Map.of("$undefined", true);
        }
        return value;
    }

    private static void write(Object value, StringBuilder out) {
        try {
            if (value instanceof Map<?, ?> map) {
                List<String> keys = new ArrayList<>();
                for (Object key : map.keySet()) {
                    keys.add((String) key);
                }
                keys.sort(null);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(Json.stringify(keys.get(i))).append(':');
                    write(plain(map.get(keys.get(i))), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(plain(list.get(i)), out);
                }
                out.append(']');
            } else {
                out.append(Json.stringify(value));
            }
        } catch (JsonException e) {
            throw new IllegalStateException(e);
        }
    }
}
