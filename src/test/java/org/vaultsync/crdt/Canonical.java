package org.vaultsync.crdt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vaultsync.crdt.encoding.JsBigInt;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/** JSON text of a document value with object keys sorted, so replicas compare equal regardless of key order. */
public final class Canonical {
    private Canonical() {
    }

    public static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        try {
            if (value instanceof byte[] bytes) {
                out.append("{\"$bytes\":\"").append(Hex.of(bytes)).append("\"}");
            } else if (value instanceof JsBigInt big) {
                out.append("{\"$bigint\":\"").append(big.value()).append("\"}");
            } else if (value == Undefined.VALUE) {
                out.append("{\"$undefined\":true}");
            } else if (value instanceof Map<?, ?> map) {
                List<String> keys = new ArrayList<>();
                for (Object key : map.keySet()) {
                    keys.add((String) key);
                }
                keys.sort(null);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    out.append(i > 0 ? "," : "").append(Json.stringify(keys.get(i))).append(':');
                    write(map.get(keys.get(i)), out);
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i > 0 ? "," : "");
                    write(list.get(i), out);
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
