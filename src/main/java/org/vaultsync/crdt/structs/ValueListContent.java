package org.vaultsync.crdt.structs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.vaultsync.common.ListRanges;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.encoding.Undefined;

/**
 * A run of values, one clock unit each, that splits and merges like Yjs's array contents. The two kinds that are
 * lists of values differ only in how one value is written: as lib0 {@code any} or as JSON text.
 */
abstract class ValueListContent extends Content {
    private List<Object> values;

    ValueListContent(List<Object> values) {
        this.values = values;
    }

    /** The same kind of content holding {@code values}. */
    abstract ValueListContent withValues(List<Object> values);

    abstract void writeValue(Lib0Writer writer, Object value);

    @Override
    public final int length() {
        return values.size();
    }

    @Override
    public final boolean countable() {
        return true;
    }

    @Override
    public final List<Object> values() {
        return Collections.unmodifiableList(values);
    }

    /** Without the read-only view {@link #values()} makes: every {@code YMap.get} and {@code toJSON} entry asks. */
    @Override
    public final Object lastValue() {
        int n = values.size();
        return n == 0 ? Undefined.VALUE : values.get(n - 1); // an update may hold an empty list
    }

    @Override
    public final void write(Lib0Writer writer, int offset) {
        int n = values.size();
        writer.writeVarUint(n - offset);
        for (int i = offset; i < n; i++) {
            writeValue(writer, values.get(i));
        }
    }

    @Override
    public final Content copy() {
        return withValues(new ArrayList<>(values));
    }

    @Override
    public final Content splice(int offset) {
        ValueListContent right = withValues(ListRanges.copy(values, offset, values.size()));
        values = ListRanges.copy(values, 0, offset);
        return right;
    }

    @Override
    public final boolean mergeWith(Content right) {
        List<Object> joined = new ArrayList<>(values.size() + right.length());
        joined.addAll(values);
        joined.addAll(((ValueListContent) right).values);
        values = joined;
        return true;
    }
}
