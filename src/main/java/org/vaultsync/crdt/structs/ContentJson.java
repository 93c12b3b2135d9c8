package org.vaultsync.crdt.structs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.encoding.Undefined;
import org.vaultsync.json.Json;
import org.vaultsync.json.JsonException;

/**
 * Legacy list content: each element is its own JSON text. JavaScript writes {@code undefined} as the literal text
 * {@code undefined} (which is not JSON), so we do too. Old documents contain it; nothing creates it any more.
 */
public final class ContentJson extends Content {
    public static final int REF = 2;
    private List<Object> values;

    public ContentJson(List<Object> values) {
        this.values = values;
    }

    @Override
    public int ref() {
        return REF;
    }

    @Override
    public int length() {
        return values.size();
    }

    @Override
    public boolean countable() {
        return true;
    }

    @Override
    public List<Object> values() {
        return Collections.unmodifiableList(values);
    }

    @Override
    public void write(Lib0Writer writer, int offset) {
        int n = values.size();
        writer.writeVarUint(n - offset);
        for (int i = offset; i < n; i++) {
            Object value = values.get(i);
            writer.writeVarString(value == Undefined.VALUE ? "undefined" : stringify(value));
        }
    }

    static String stringify(Object value) {
        try {
            return Json.stringify(value);
        } catch (JsonException e) {
            // values come from Json.parse (or are checked when created), so they can always be written back
            throw new IllegalStateException("Content value cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public Content copy() {
        return new ContentJson(new ArrayList<>(values));
    }

    @Override
    public Content splice(int offset) {
        ContentJson right = new ContentJson(new ArrayList<>(values.subList(offset, values.size())));
        values = new ArrayList<>(values.subList(0, offset));
        return right;
    }

    @Override
    public boolean mergeWith(Content right) {
        List<Object> joined = new ArrayList<>(values);
        joined.addAll(((ContentJson) right).values);
        values = joined;
        return true;
    }
}
