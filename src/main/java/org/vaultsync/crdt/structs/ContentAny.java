package org.vaultsync.crdt.structs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vaultsync.crdt.encoding.Lib0Writer;

/** Plain values (anything the lib0 {@code any} encoding carries): what map sets and array inserts produce. */
public final class ContentAny extends Content {
    public static final int REF = 8;
    private List<Object> values;

    public ContentAny(List<Object> values) {
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
            writer.writeAny(values.get(i));
        }
    }

    @Override
    public Content copy() {
        return new ContentAny(new ArrayList<>(values));
    }

    @Override
    public Content splice(int offset) {
        ContentAny right = new ContentAny(new ArrayList<>(values.subList(offset, values.size())));
        values = new ArrayList<>(values.subList(0, offset));
        return right;
    }

    @Override
    public boolean mergeWith(Content right) {
        List<Object> joined = new ArrayList<>(values.size() + right.length());
        joined.addAll(values);
        joined.addAll(((ContentAny) right).values);
        values = joined;
        return true;
    }
}
