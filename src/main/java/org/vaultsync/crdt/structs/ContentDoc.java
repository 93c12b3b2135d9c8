package org.vaultsync.crdt.structs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.encoding.Undefined;

/**
 * A sub-document reference: its guid and the options that differ from the defaults. We keep and relay it but do
 * not load sub-documents. The options are normalised the way Yjs rebuilds them from a Doc: {@code gc: false} when
 * gc is falsy, {@code autoLoad: true} when truthy, {@code meta} when set, in that order.
 */
public final class ContentDoc extends SingleUnitContent {
    public static final int REF = 9;
    private final String guid;
    private final Map<String, Object> options;

    public ContentDoc(String guid, Object rawOptions) {
        this.guid = guid;
        this.options = normalise(rawOptions);
    }

    private static Map<String, Object> normalise(Object raw) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (raw instanceof Map<?, ?> map) {
            if (map.containsKey("gc") && !isTruthy(map.get("gc")) && map.get("gc") != Undefined.VALUE) {
                options.put("gc", false);
            }
            if (isTruthy(map.get("autoLoad"))) {
                options.put("autoLoad", true);
            }
            Object meta = map.get("meta");
            if (meta != null && meta != Undefined.VALUE) {
                options.put("meta", meta);
            }
        }
        return options;
    }

    private static boolean isTruthy(Object value) {
        if (value == null || value == Undefined.VALUE || Boolean.FALSE.equals(value)) {
            return false;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d != 0 && !Double.isNaN(d);
        }
        return !(value instanceof String s) || !s.isEmpty();
    }

    public String guid() {
        return guid;
    }

    @Override
    public int ref() {
        return REF;
    }

    @Override
    public List<Object> values() {
        return Collections.singletonList(guid);
    }

    @Override
    public void write(Lib0Writer writer, int offset) {
        writer.writeVarString(guid);
        writer.writeAny(options);
    }

    @Override
    public Content copy() {
        return new ContentDoc(guid, options);
    }
}
