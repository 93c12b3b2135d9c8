package org.vaultsync.crdt.structs;

import java.util.Collections;
import java.util.List;
import org.vaultsync.crdt.Transaction;
import org.vaultsync.crdt.encoding.Lib0Writer;

/** Placeholder for deleted content: only its length is kept (after garbage collection, or as sent by a peer). */
public final class ContentDeleted extends Content {
    public static final int REF = 1;
    private int length;

    public ContentDeleted(int length) {
        this.length = length;
    }

    @Override
    public int ref() {
        return REF;
    }

    @Override
    public int length() {
        return length;
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
        writer.writeVarUint(length - offset);
    }

    @Override
    public Content copy() {
        return new ContentDeleted(length);
    }

    @Override
    public Content splice(int offset) {
        ContentDeleted right = new ContentDeleted(length - offset);
        length = offset;
        return right;
    }

    @Override
    public boolean mergeWith(Content right) {
        length += ((ContentDeleted) right).length;
        return true;
    }

    @Override
    public void integrate(Transaction transaction, Item item) {
        transaction.deleteSet().add(item.client, item.clock, length);
        item.markDeleted();
    }
}
