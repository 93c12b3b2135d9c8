package org.vaultsync.crdt.structs;

import java.util.List;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.encoding.Undefined;

/**
 * What an {@link Item} carries. Each kind has a fixed wire reference number (1-9), a length in clock units, and
 * says whether it counts towards the visible length of a list. Kinds that may split and merge (strings, plain
 * values, JSON, deleted ranges) override {@link #splice} and {@link #mergeWith}.
 */
public abstract class Content {
    public abstract int ref();

    public abstract int length();

    public abstract boolean countable();

    /** The values this content stands for, one per clock unit (empty for non-countable contents). */
    public abstract List<Object> values();

    /** The last of {@link #values()}, or undefined when there is none (see {@link Item#lastValue()}). */
    public Object lastValue() {
        List<Object> values = values();
        return values.isEmpty() ? Undefined.VALUE : values.get(values.size() - 1);
    }

    /** Writes the payload, leaving out the first {@code offset} units. */
    public abstract void write(Lib0Writer writer, int offset);

    /** A copy that can be changed (spliced, merged) without touching this one. */
    public abstract Content copy();

    /**
     * Keeps the first {@code offset} units here and returns the rest. Only contents longer than one unit override it;
     * the others (type, embed, format, binary, subdocument) have length 1, so no valid offset exists and, as in Yjs,
     * reaching this is a bug in the caller.
     */
    public Content splice(int offset) {
        throw new UnsupportedOperationException("Content of kind " + ref() + " cannot be split");
    }

    /** Appends {@code right} to this content if both are of a mergeable kind. */
    public boolean mergeWith(Content right) {
        return false;
    }

    public void integrate(Transaction transaction, Item item) {
    }

    public void delete(Transaction transaction) {
    }

    public void gc(StructStore store) {
    }
}
