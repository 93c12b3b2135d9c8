package org.vaultsync.crdt.structs;

import java.util.Collections;
import java.util.List;
import org.vaultsync.crdt.encoding.Lib0Writer;

/** One byte array (a Uint8Array in JavaScript), one clock unit. */
public final class ContentBinary extends SingleUnitContent {
    public static final int REF = 3;
    private final byte[] bytes;

    public ContentBinary(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int ref() {
        return REF;
    }

    @Override
    public List<Object> values() {
        return Collections.singletonList(bytes.clone());
    }

    @Override
    public void write(Lib0Writer writer, int offset) {
        writer.writeVarBytes(bytes);
    }

    @Override
    public Content copy() {
        return new ContentBinary(bytes);
    }
}
