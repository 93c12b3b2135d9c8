package org.vaultsync.crdt.structs;

import java.util.List;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Legacy list content: each element is its own JSON text. JavaScript writes {@code undefined} as the literal text
 * {@code undefined} (which is not JSON), so we do too. Old documents contain it; nothing creates it any more.
 */
public final class ContentJson extends ValueListContent {
    public static final int REF = 2;

    public ContentJson(List<Object> values) {
        super(values);
    }

    @Override
    public int ref() {
        return REF;
    }

    @Override
    ValueListContent withValues(List<Object> values) {
        return new ContentJson(values);
    }

    @Override
    void writeValue(Lib0Writer writer, Object value) {
        writer.writeVarString(value == Undefined.VALUE ? "undefined" : stringify(value));
    }

    static String stringify(Object value) {
        try {
            return Json.stringify(value);
        } catch (JsonException e) {
            // values come from Json.parse (or are checked when created), so they can always be written back
            throw new IllegalStateException("Content value cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
