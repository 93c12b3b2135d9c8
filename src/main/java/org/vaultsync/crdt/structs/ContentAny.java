package org.vaultsync.crdt.structs;

import java.util.List;
import org.vaultsync.crdt.encoding.Lib0Writer;

/** Plain values (anything the lib0 {@code any} encoding carries): what map sets and array inserts produce. */
public final class ContentAny extends ValueListContent {
    public static final int REF = 8;

    public ContentAny(List<Object> values) {
        super(values);
    }

    @Override
    public int ref() {
        return REF;
    }

    @Override
    ValueListContent withValues(List<Object> values) {
        return new ContentAny(values);
    }

    @Override
    void writeValue(Lib0Writer writer, Object value) {
        writer.writeAny(value);
    }
}
