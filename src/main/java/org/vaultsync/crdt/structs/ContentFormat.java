package org.vaultsync.crdt.structs;

import java.util.Collections;
import java.util.List;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.Lib0Writer;

/** A rich-text formatting marker ({@code key = value}; a null value ends the range). Occupies a clock, not a place. */
public final class ContentFormat extends SingleUnitContent {
    public static final int REF = 6;
    private final String key;
    private final Object value;

    public ContentFormat(String key, Object value) {
        this.key = key;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public Object value() {
        return value;
    }

    @Override
    public int ref() {
        return REF;
    }

    @Override
    public boolean countable() {
        return false;
    }

    @Override
    public List<Object> values() {
        return Collections.emptyList();
    }

    @Override
    public void write(Lib0Writer writer, int offset) {
        writer.writeVarString(key);
        writer.writeVarString(ContentJson.stringify(value));
    }

    @Override
    public Content copy() {
        return new ContentFormat(key, value);
    }

    @Override
    public void integrate(Transaction transaction, Item item) {
        item.parent.markFormatted();
    }
}
