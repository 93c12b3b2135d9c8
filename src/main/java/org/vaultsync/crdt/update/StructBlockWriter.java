package org.vaultsync.crdt.update;

import java.util.ArrayList;
import java.util.List;
import org.vaultsync.crdt.encoding.Lib0Writer;
import org.vaultsync.crdt.structs.Struct;

/**
 * Writes a stream of structs, sorted by client, as client blocks: the struct count of a block is only known at
 * its end, so each block is buffered (Yjs's lazy struct writer).
 */
final class StructBlockWriter {
    private final List<Integer> counts = new ArrayList<>();
    private final List<byte[]> blocks = new ArrayList<>();
    private Lib0Writer block;
    private int client;
    private int written;

    void write(Struct struct, int offset) {
        if (written > 0 && client != struct.client) {
            flush();
        }
        if (written == 0) {
            client = struct.client;
            block = new Lib0Writer();
            block.writeVarUint(struct.client);
            block.writeVarUint(struct.clock + offset);
        }
        struct.write(block, offset);
        written++;
    }

    private void flush() {
        if (written > 0) {
            counts.add(written);
            blocks.add(block.toByteArray());
            written = 0;
        }
    }

    void finish(Lib0Writer out) {
        flush();
        out.writeVarUint(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            out.writeVarUint(counts.get(i));
            out.writeBytes(blocks.get(i));
        }
    }
}
