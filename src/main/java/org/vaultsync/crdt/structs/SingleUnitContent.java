package org.vaultsync.crdt.structs;

/** Content that occupies exactly one clock and never splits: one binary, embed, format, nested type or sub-document. */
abstract class SingleUnitContent extends Content {
    @Override
    public final int length() {
        return 1;
    }

    @Override
    public boolean countable() {
        return true;
    }
}
